namespace Aus.Cli.Demo;

/// <summary>How one cluster fared in the rollout.</summary>
internal sealed record DemoClusterSummary
{
    public required string Name { get; init; }

    public string? Sector { get; init; }

    public IReadOnlyList<string> Mutexes { get; init; } = [];

    public string? FromVersion { get; init; }

    /// <summary>When its upgrade to the release (or a later version) started; null when none did within the horizon.</summary>
    public DateTimeOffset? ReleaseStartedAt { get; init; }

    /// <summary>When it ran the release; null when it never did within the horizon.</summary>
    public DateTimeOffset? ReleaseAt { get; init; }

    /// <summary>The soak days the release had (lowest over the cluster's workloads) when aus scheduled it here.</summary>
    public double? SoakDaysWhenScheduled { get; init; }

    /// <summary>The soak days the cluster's policy requires.</summary>
    public int? RequiredSoakDays { get; init; }

    /// <summary>Whether the release is offered to this cluster at all (its channel is one the release is in).</summary>
    public bool InScope { get; init; }
}
