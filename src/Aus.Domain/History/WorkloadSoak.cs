using System.Collections.Immutable;

namespace Aus.Domain.History;

/// <summary>What was observed of one (version, workload): cluster-days soaked and the clusters that reported it.</summary>
public sealed record WorkloadSoak(double SoakDays, ImmutableArray<string> Reporting)
{
    public static readonly WorkloadSoak Empty = new(0, []);
}
