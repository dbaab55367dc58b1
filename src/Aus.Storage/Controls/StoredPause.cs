using Aus.Domain.Controls;

namespace Aus.Storage.Controls;

/// <summary>A pause as stored: what it covers, why, until when, and who put it in force when.</summary>
/// <param name="Target">The sector, cluster or version; null for the whole organization.</param>
public sealed record StoredPause(
    string Environment,
    string OrganizationId,
    PauseScope Scope,
    string? Target,
    string? Reason,
    DateTimeOffset? Until,
    string PausedBy,
    DateTimeOffset PausedAt)
{
    /// <summary>Whether the pause deletes the upgrade policies it covers that have not started.</summary>
    public bool CancelScheduled { get; init; }

    public RolloutPause ToPause() =>
        new() { Scope = Scope, Target = Target, Reason = Reason, Until = Until, CancelScheduled = CancelScheduled, PausedBy = PausedBy, PausedAt = PausedAt };
}
