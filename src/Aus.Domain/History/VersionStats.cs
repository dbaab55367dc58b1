using System.Collections.Immutable;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Domain.History;

/// <summary>The lowest version each workload runs; what inheriting organizations must not overtake.</summary>
public sealed record VersionStats(OpenShiftVersion? MinVersion, ImmutableSortedDictionary<Workload, OpenShiftVersion> MinVersionPerWorkload)
{
    /// <summary>Merges another organization's stats by taking the minimum of each.</summary>
    public VersionStats MergeMinimum(VersionStats other)
    {
        var perWorkload = MinVersionPerWorkload.ToBuilder();
        foreach (var (workload, version) in other.MinVersionPerWorkload)
        {
            perWorkload[workload] = perWorkload.TryGetValue(workload, out var own) ? OpenShiftVersion.Min(own, version) : version;
        }

        var min = (MinVersion, other.MinVersion) switch
        {
            (null, var b) => b,
            (var a, null) => a,
            var (a, b) => OpenShiftVersion.Min(a, b),
        };
        return new VersionStats(min, perWorkload.ToImmutable());
    }
}
