namespace Aus.Cli.Demo;

/// <summary>How one add-on of one cluster fared in the add-on rollout.</summary>
internal sealed record DemoAddonSummary
{
    public required string Cluster { get; init; }

    public required string Addon { get; init; }

    public string? Sector { get; init; }

    public IReadOnlyList<string> Mutexes { get; init; } = [];

    public required string FromVersion { get; init; }

    /// <summary>The add-on's version in OCM's catalog: where its rollout goes.</summary>
    public required string TargetVersion { get; init; }

    /// <summary>When its upgrade to the target started; null when none did within the horizon.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ran the target; null when it never did within the horizon.</summary>
    public DateTimeOffset? ReachedAt { get; init; }
}
