using System.Collections.Immutable;
using System.Globalization;
using Aus.Domain.Policies;

namespace Aus.Application.Forecast;

/// <summary>Compares a baseline forecast with a proposed one and names the policy fields behind each difference.</summary>
public static class ForecastComparer
{
    private const string None = "(none)";

    public static ForecastComparison Compare(
        Forecast baseline,
        IEnumerable<OrganizationPolicy> baselinePolicies,
        Forecast proposed,
        IEnumerable<OrganizationPolicy> proposedPolicies)
    {
        var before = baselinePolicies.GroupBy(o => o.OrgId.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = proposedPolicies.GroupBy(o => o.OrgId.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var baselineClusters = baseline.Clusters.GroupBy(c => (c.OrgId, c.Name)).ToDictionary(g => g.Key, g => g.First());
        var keys = proposed.Clusters.Select(c => (c.OrgId, c.Name))
            .Concat(baseline.Clusters.Select(c => (c.OrgId, c.Name)))
            .Distinct()
            .ToList();
        var proposedClusters = proposed.Clusters.GroupBy(c => (c.OrgId, c.Name)).ToDictionary(g => g.Key, g => g.First());

        var clusters = keys.Select(key => new ClusterComparison(key.OrgId, key.Name, baselineClusters.GetValueOrDefault(key), proposedClusters.GetValueOrDefault(key))
        {
            Changes = [.. Changes(before.GetValueOrDefault(key.OrgId), after.GetValueOrDefault(key.OrgId), key.Name)],
        });

        var baselineOrganizations = baseline.Organizations.ToDictionary(o => o.OrgId, StringComparer.Ordinal);
        var proposedOrganizations = proposed.Organizations.ToDictionary(o => o.OrgId, StringComparer.Ordinal);
        var organizations = proposed.Organizations.Select(o => o.OrgId)
            .Concat(baseline.Organizations.Select(o => o.OrgId))
            .Distinct(StringComparer.Ordinal)
            .Select(id =>
            {
                var b = baselineOrganizations.GetValueOrDefault(id);
                var p = proposedOrganizations.GetValueOrDefault(id);
                return new OrganizationComparison(id, p?.Name ?? b!.Name, b, p);
            });

        return new ForecastComparison(baseline, proposed) { Clusters = [.. clusters], Organizations = [.. organizations] };
    }

    /// <summary>The fields that differ for one cluster: its own policy's, its sector's, and its organization's blocked versions.</summary>
    internal static IEnumerable<PolicyChange> Changes(OrganizationPolicy? baselineOrganization, OrganizationPolicy? proposedOrganization, string cluster)
    {
        var before = baselineOrganization?.Clusters.FirstOrDefault(c => c.Name == cluster);
        var after = proposedOrganization?.Clusters.FirstOrDefault(c => c.Name == cluster);
        if (before is null || after is null)
        {
            if (before is not null || after is not null)
            {
                yield return new PolicyChange("policy", before is null ? None : "present", after is null ? None : "present");
            }

            yield break;
        }

        var fields = new (string Field, string Before, string After)[]
        {
            ("workloads", List(before.Workloads), List(after.Workloads)),
            ("schedule", before.Schedule.Expression, after.Schedule.Expression),
            ("soakDays", before.SoakDays?.ToString(CultureInfo.InvariantCulture) ?? None, after.SoakDays?.ToString(CultureInfo.InvariantCulture) ?? None),
            ("mutexes", List(before.Mutexes), List(after.Mutexes)),
            ("sector", before.Sector?.ToString() ?? None, after.Sector?.ToString() ?? None),
            ("blockedVersions", List(before.BlockedVersions), List(after.BlockedVersions)),
            ("versionGateApprovals", List(before.VersionGateApprovals), List(after.VersionGateApprovals)),
            ("organization blockedVersions", List(baselineOrganization!.BlockedVersions), List(proposedOrganization!.BlockedVersions)),
        };
        foreach (var (field, b, a) in fields)
        {
            if (b != a)
            {
                yield return new PolicyChange(field, b, a);
            }
        }

        // The sector's own settings shape the cluster's rollout as much as its policy does.
        if (after.Sector is { } name)
        {
            var oldSector = baselineOrganization.Sectors.FirstOrDefault(s => s.Name == name);
            var newSector = proposedOrganization.Sectors.FirstOrDefault(s => s.Name == name);
            var oldLimit = oldSector?.MaxParallelUpgrades?.ToString() ?? None;
            var newLimit = newSector?.MaxParallelUpgrades?.ToString() ?? None;
            if (oldLimit != newLimit)
            {
                yield return new PolicyChange($"sector {name} maxParallelUpgrades", oldLimit, newLimit);
            }

            var oldDependencies = oldSector is null ? None : List(oldSector.Dependencies);
            var newDependencies = newSector is null ? None : List(newSector.Dependencies);
            if (oldDependencies != newDependencies)
            {
                yield return new PolicyChange($"sector {name} dependencies", oldDependencies, newDependencies);
            }
        }
    }

    private static string List<T>(ImmutableArray<T> items) => items.IsDefaultOrEmpty ? "[]" : $"[{string.Join(", ", items)}]";
}
