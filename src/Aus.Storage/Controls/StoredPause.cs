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
    public RolloutPause ToPause() => new() { Scope = Scope, Target = Target, Reason = Reason, Until = Until, PausedBy = PausedBy, PausedAt = PausedAt };
}
