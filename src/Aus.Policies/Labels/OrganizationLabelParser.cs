using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;

namespace Aus.Policies.Labels;

/// <summary>
/// The organization labels: blocked versions, the sector graph and the version-data lists. The sectors
/// are every name with a sector-deps label and every name listed as a dependency; a
/// sector-max-parallel-upgrades label sets the limit of a declared sector and declares nothing itself.
/// </summary>
internal sealed class OrganizationLabelParser(string orgId, ImmutableDictionary<string, string> labels, LabelDiagnostics diagnostics)
{
    public OrganizationPolicy Read()
    {
        var blocked = labels.TryGetValue(AusLabelKeys.BlockedVersions, out var blockedText)
            ? LabelPolicyReader.Patterns(AusLabelKeys.BlockedVersions, blockedText, diagnostics)
            : [];
        var sectors = ReadSectors();
        var inherit = ReadInherit();
        var publish = labels.TryGetValue(AusLabelKeys.PublishVersionData, out var publishText) ? LabelValues.Csv(publishText) : [];
        WarnAboutUnknownLabels();
        return new OrganizationPolicy
        {
            Name = orgId,
            OrgId = new OrganizationId(orgId),
            BlockedVersions = blocked,
            Sectors = sectors,
            InheritVersionData = inherit,
            PublishVersionData = [.. publish.Select(p => new OrganizationId(p))],
        };
    }

    private ImmutableArray<Sector> ReadSectors()
    {
        var dependencies = new SortedDictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in Sorted(AusLabelKeys.SectorDepsPrefix))
        {
            dependencies[key[AusLabelKeys.SectorDepsPrefix.Length..]] = LabelValues.Csv(value);
        }

        var names = new SortedSet<string>(dependencies.Keys.Concat(dependencies.Values.SelectMany(d => d)), StringComparer.Ordinal);
        var limits = new Dictionary<string, ParallelLimit>(StringComparer.Ordinal);
        foreach (var (key, value) in Sorted(AusLabelKeys.SectorMaxParallelPrefix))
        {
            var sector = key[AusLabelKeys.SectorMaxParallelPrefix.Length..];
            if (!names.Contains(sector))
            {
                diagnostics.Warning(PolicyMessages.SectorLimitWithoutSector(key, sector));
            }
            else if (ParallelLimit.TryParse(value, out var limit))
            {
                limits[sector] = limit;
            }
            else
            {
                diagnostics.Error(PolicyMessages.InvalidMaxParallelUpgrades(PolicyMessages.LabelPath(key), $"'{value}'"));
            }
        }

        CheckDependencies(dependencies);
        return
        [
            .. names.Select(name => new Sector
            {
                Name = new SectorName(name),
                MaxParallelUpgrades = limits.GetValueOrDefault(name),
                Dependencies = [.. dependencies.GetValueOrDefault(name, []).Select(d => new SectorName(d))],
            }),
        ];
    }

    /// <summary>A sector depending on itself, or on a sector that depends back on it, is an error (every dependency is declared by construction).</summary>
    private void CheckDependencies(SortedDictionary<string, ImmutableArray<string>> dependencies)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(string sector)
        {
            path.Add(sector);
            foreach (var dependency in dependencies.GetValueOrDefault(sector, []))
            {
                var key = AusLabelKeys.SectorDeps(sector);
                if (string.Equals(dependency, sector, StringComparison.Ordinal))
                {
                    diagnostics.Error(PolicyMessages.SectorDependsOnItself(PolicyMessages.LabelPath(key), sector));
                }
                else if (path.Contains(dependency, StringComparer.Ordinal))
                {
                    diagnostics.Error(PolicyMessages.SectorCycle(PolicyMessages.LabelPath(key), path.Skip(path.IndexOf(dependency)).Append(dependency)));
                }
                else if (!done.Contains(dependency))
                {
                    Visit(dependency);
                }
            }

            path.RemoveAt(path.Count - 1);
            done.Add(sector);
        }

        foreach (var sector in dependencies.Keys.Where(s => !done.Contains(s)))
        {
            Visit(sector);
        }
    }

    private ImmutableArray<InheritedOrganization> ReadInherit()
    {
        const string Key = AusLabelKeys.InheritVersionData;
        if (!labels.TryGetValue(Key, out var text))
        {
            return [];
        }

        var inherit = ImmutableArray.CreateBuilder<InheritedOrganization>();
        foreach (var other in LabelValues.Csv(text))
        {
            if (string.Equals(other, orgId, StringComparison.Ordinal))
            {
                diagnostics.Error(PolicyMessages.InheritsFromItself(PolicyMessages.LabelPath(Key), orgId));
            }
            else
            {
                inherit.Add(new InheritedOrganization(new OrganizationId(other), null));
            }
        }

        return inherit.ToImmutable();
    }

    private void WarnAboutUnknownLabels()
    {
        string[] known = [AusLabelKeys.BlockedVersions, AusLabelKeys.InheritVersionData, AusLabelKeys.PublishVersionData];
        foreach (var key in labels.Keys.Where(AusLabelKeys.IsAusLabel).Order(StringComparer.Ordinal))
        {
            var isKnown = known.Contains(key, StringComparer.Ordinal)
                || key.StartsWith(AusLabelKeys.SectorDepsPrefix, StringComparison.Ordinal)
                || key.StartsWith(AusLabelKeys.SectorMaxParallelPrefix, StringComparison.Ordinal);
            if (!isKnown)
            {
                diagnostics.Warning(PolicyMessages.UnknownAusLabel(key));
            }
        }
    }

    private IEnumerable<KeyValuePair<string, string>> Sorted(string prefix) =>
        labels.Where(l => l.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(l => l.Key, StringComparer.Ordinal);
}
