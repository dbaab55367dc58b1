using System.Collections.Immutable;
using Aus.Domain.Policies;

namespace Aus.Domain.History;

/// <summary>
/// The soak ledger of one organization: per version and workload, the cluster-days it has run and
/// the clusters that reported it, as of the last check-in.
/// </summary>
public sealed record VersionHistory
{
    public static readonly VersionHistory Empty = new();

    public DateTimeOffset? CheckIn { get; init; }

    /// <summary>Version string → workload → soak. Keyed by the version text as OCM reports it.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<Workload, WorkloadSoak>> Versions { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<Workload, WorkloadSoak>>(StringComparer.Ordinal);

    public VersionStats? Stats { get; init; }

    /// <summary>Stats of the organizations this one inherits from; never stored.</summary>
    public VersionStats? InheritedStats { get; init; }

    public double SoakDays(string version, Workload workload) =>
        Versions.TryGetValue(version, out var workloads) && workloads.TryGetValue(workload, out var soak) ? soak.SoakDays : 0;

    /// <summary>Whether the last check-in lies after <paramref name="now"/>: checking in such a history would make soak run backwards.</summary>
    public bool IsCheckedInAfter(DateTimeOffset now) => CheckIn > now;

    /// <summary>Whether some soak is negative or not a number, which no check-in can produce.</summary>
    public bool HasInvalidSoak() =>
        Versions.Values.Any(workloads => workloads.Values.Any(soak => !(soak.SoakDays >= 0) || double.IsInfinity(soak.SoakDays)));

    /// <summary>Every workload that appears anywhere in the ledger.</summary>
    public ImmutableHashSet<Workload> KnownWorkloads() =>
        Versions.Values.SelectMany(w => w.Keys).ToImmutableHashSet();

    /// <summary>This history as it is stored: without what was inherited.</summary>
    public VersionHistory WithoutInheritedStats() => this with { InheritedStats = null };
}
