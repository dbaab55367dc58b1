using System.Collections.Immutable;
using Aus.Domain.Policies;

namespace Aus.Domain.History;

/// <summary>
/// Adds the soak data of inherited organizations to an organization's own: only workloads the organization knows count, reporting names are prefixed with
/// the source, and the sources' minimum versions become the inherited stats.
/// </summary>
public static class VersionDataInheritance
{
    public static VersionHistory Aggregate(VersionHistory own, IEnumerable<InheritedVersionData> sources)
    {
        // A plain set: building an immutable one for a lookup per entry cost more than the aggregation.
        var known = new HashSet<Workload>();
        foreach (var workloads in own.Versions.Values)
        {
            known.UnionWith(workloads.Keys);
        }

        var versions = own.Versions.ToDictionary(v => v.Key, v => v.Value.ToBuilder(), StringComparer.Ordinal);
        var inherited = own.InheritedStats;
        foreach (var source in sources)
        {
            var prefix = $"{source.Environment}/{source.OrgId}/";
            foreach (var (version, workloads) in source.History.Versions)
            {
                foreach (var (workload, soak) in workloads)
                {
                    if (!known.Contains(workload))
                    {
                        continue;
                    }

                    if (!versions.TryGetValue(version, out var ownWorkloads))
                    {
                        ownWorkloads = ImmutableSortedDictionary.CreateBuilder<Workload, WorkloadSoak>();
                        versions[version] = ownWorkloads;
                    }

                    var current = ownWorkloads.GetValueOrDefault(workload, WorkloadSoak.Empty);
                    ownWorkloads[workload] = new WorkloadSoak(
                        current.SoakDays + soak.SoakDays,
                        current.Reporting.AddRange(soak.Reporting.Select(name => prefix + name)));
                }
            }

            if (own.Stats is not null && source.History.Stats is { } sourceStats)
            {
                inherited = inherited is null ? sourceStats : inherited.MergeMinimum(sourceStats);
            }
        }

        return own with
        {
            Versions = versions.ToImmutableSortedDictionary(v => v.Key, v => v.Value.ToImmutable(), StringComparer.Ordinal),
            InheritedStats = inherited,
        };
    }
}
