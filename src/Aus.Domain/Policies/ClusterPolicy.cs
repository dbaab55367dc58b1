using System.Collections.Immutable;
using Aus.Domain.Scheduling;

namespace Aus.Domain.Policies;

/// <summary>The upgrade policy of one cluster, matched to the OCM cluster by name.</summary>
public sealed record ClusterPolicy
{
    public required string Name { get; init; }

    public required ImmutableArray<Workload> Workloads { get; init; }

    public required CronSchedule Schedule { get; init; }

    /// <summary>Days a version must have soaked; null (soakDays absent) means no soak check.</summary>
    public int? SoakDays { get; init; }

    public ImmutableArray<MutexName> Mutexes { get; init; } = [];

    public SectorName? Sector { get; init; }

    public ImmutableArray<VersionPattern> BlockedVersions { get; init; } = [];

    /// <summary>Gate labels AUS may agree to; empty means api.openshift.com/gate-ocp alone.</summary>
    public ImmutableArray<string> VersionGateApprovals { get; init; } = [];
}
