using System.Collections.Immutable;
using Aus.Domain.Policies;

namespace Aus.Domain.History;

/// <summary>
/// Adds the soak data of inherited organizations to an organization's own: only workloads the organization knows count, reporting names are prefixed with
/// the source, and the sources' minimum versions become the inherited stats.
/// </summary>
public static class VersionDataInheritance
{
    public static VersionHistory Aggregate(VersionHistory own, IEnumerable<InheritedVersionData> sources) =>
        Aggregate(own, sources, new PrefixedReporting(withNames: true));

    /// <summary>As above, with the prefixed reporting names shared with other organizations that inherit the same data.</summary>
    internal static VersionHistory Aggregate(VersionHistory own, IEnumerable<InheritedVersionData> sources, PrefixedReporting prefixed)
    {
        // A plain set: building an immutable one for a lookup per entry cost more than the aggregation.
        var known = new HashSet<Workload>();
        foreach (var workloads in own.Versions.Values)
        {
            known.UnionWith(workloads.Keys);
        }

        // Only the versions a source reports change; the others keep their entries as they are.
        var versions = own.Versions.WithComparers(StringComparer.Ordinal).ToBuilder();
        var changed = new Dictionary<string, ImmutableSortedDictionary<Workload, WorkloadSoak>.Builder>(StringComparer.Ordinal);
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

                    if (!changed.TryGetValue(version, out var ownWorkloads))
                    {
                        ownWorkloads = versions.TryGetValue(version, out var existing)
                            ? existing.ToBuilder()
                            : ImmutableSortedDictionary.CreateBuilder<Workload, WorkloadSoak>();
                        changed[version] = ownWorkloads;
                    }

                    var current = ownWorkloads.GetValueOrDefault(workload, WorkloadSoak.Empty);
                    ownWorkloads[workload] = new WorkloadSoak(
                        current.SoakDays + soak.SoakDays,
                        current.Reporting.AddRange(prefixed.Of(prefix, soak)));
                }
            }

            if (own.Stats is not null && source.History.Stats is { } sourceStats)
            {
                inherited = inherited is null ? sourceStats : inherited.MergeMinimum(sourceStats);
            }
        }

        foreach (var (version, workloads) in changed)
        {
            versions[version] = workloads.ToImmutable();
        }

        return own with
        {
            Versions = versions.ToImmutable(),
            InheritedStats = inherited,
        };
    }
}

/// <summary>
/// The reporting names of inherited soak data with their source's prefix, made once per plan: the
/// organizations that inherit from one source share the names rather than each writing them again.
/// </summary>
/// <param name="withNames">False when the plan leaves the inherited names out (see <see cref="Planning.PlanRequest.InheritedReportingNames"/>).</param>
internal sealed class PrefixedReporting(bool withNames)
{
    private readonly Dictionary<string, Dictionary<WorkloadSoak, ImmutableArray<string>>> _byPrefix = new(StringComparer.Ordinal);

    public ImmutableArray<string> Of(string prefix, WorkloadSoak soak)
    {
        if (!withNames)
        {
            return [];
        }

        if (!_byPrefix.TryGetValue(prefix, out var names))
        {
            // By reference: a source's soak entries are the same objects for every organization inheriting them.
            names = new Dictionary<WorkloadSoak, ImmutableArray<string>>(ReferenceEqualityComparer.Instance);
            _byPrefix[prefix] = names;
        }

        if (!names.TryGetValue(soak, out var prefixed))
        {
            prefixed = ImmutableArray.CreateRange(soak.Reporting, static (name, prefix) => prefix + name, prefix);
            names[soak] = prefixed;
        }

        return prefixed;
    }
}
