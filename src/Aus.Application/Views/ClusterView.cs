using System.Collections.Immutable;

namespace Aus.Application.Views;

/// <summary>One cluster of an organization's policy: what it runs, what the planner decided and why.</summary>
public sealed record ClusterView
{
    public required string Name { get; init; }

    /// <summary>The version it runs; null when OCM does not know the cluster.</summary>
    public string? Version { get; init; }

    public string? Sector { get; init; }

    public ImmutableArray<string> Mutexes { get; init; } = [];

    /// <summary>The plan's decision code: upgrade or skip.</summary>
    public required string Decision { get; init; }

    /// <summary>The plan's reason code, for instance soaking or mutex-locked.</summary>
    public required string Reason { get; init; }

    /// <summary>The planner's sentence for a person.</summary>
    public required string Detail { get; init; }

    public required ClusterStatus Status { get; init; }

    public string? TargetVersion { get; init; }

    public DateTimeOffset? NextRun { get; init; }

    /// <summary>The policy's soak days (0 when it sets none).</summary>
    public int SoakDaysNeeded { get; init; }

    /// <summary>OCM's available upgrades that are not blocked, lowest first, with how far each has soaked.</summary>
    public ImmutableArray<CandidateView> Candidates { get; init; } = [];
}

/// <summary>A coarse state of a cluster for the eye (the status colour); the reason code says exactly why.</summary>
public enum ClusterStatus
{
    /// <summary>An upgrade is scheduled in this pass or already running.</summary>
    Upgrading,

    /// <summary>Waiting on something that passes by itself: soak, a window, a mutex, a sector.</summary>
    Waiting,

    /// <summary>Nothing to do: no upgrade is available.</summary>
    Current,

    /// <summary>Needs a person: blocked versions, a gate, a policy error, a cluster missing from OCM.</summary>
    Attention,
}

/// <summary>One available upgrade of a cluster and its soak.</summary>
/// <param name="SoakedDays">The lowest soak over the cluster's workloads, in days.</param>
public sealed record CandidateView(string Version, CandidateState State, double SoakedDays, ImmutableArray<WorkloadSoakView> Workloads)
{
    /// <summary>How long ago its upgrade started, for a running upgrade.</summary>
    public double? StartedHoursAgo { get; init; }
}

/// <summary>Where a candidate version stands for the cluster.</summary>
public enum CandidateState
{
    /// <summary>Still soaking: fewer soak days than the policy needs.</summary>
    Soaking,

    /// <summary>Soaked enough; whether the cluster gets it now is the decision's business.</summary>
    Soaked,

    /// <summary>An upgrade policy for it starts in the future.</summary>
    Scheduled,

    /// <summary>Its upgrade has started.</summary>
    Upgrading,

    /// <summary>Its upgrade started 6 hours or more ago.</summary>
    LongUpgrade,
}

/// <summary>How many days a version has soaked for one workload, against what the cluster's policy needs.</summary>
public sealed record WorkloadSoakView(string Workload, double SoakedDays, int NeededDays);
