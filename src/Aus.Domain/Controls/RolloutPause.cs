namespace Aus.Domain.Controls;

/// <summary>
/// A pause in force: no new upgrade starts for what it covers until it is resumed or, when
/// <see cref="Until"/> is set, until that time. <see cref="Target"/> names the sector, cluster or
/// version (null for the organization).
/// </summary>
public sealed record RolloutPause
{
    public required PauseScope Scope { get; init; }

    public string? Target { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>
    /// Whether the upgrade policies it covers that have not started yet (OCM state pending or
    /// scheduled) are deleted, rather than left to run.
    /// </summary>
    public bool CancelScheduled { get; init; }

    /// <summary>Who paused (for people reading the controls; the planner ignores it).</summary>
    public string? PausedBy { get; init; }

    /// <summary>When it was paused (for people reading the controls; the planner ignores it).</summary>
    public DateTimeOffset? PausedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => Until is not { } until || now < until;

    /// <summary>What the pause covers, in words: "organization", "sector prod", "cluster prod-1", "version 4.16.2".</summary>
    public string ScopeText => Scope switch
    {
        PauseScope.Organization => "organization",
        PauseScope.Sector => $"sector {Target}",
        PauseScope.Cluster => $"cluster {Target}",
        _ => $"version {Target}",
    };
}
