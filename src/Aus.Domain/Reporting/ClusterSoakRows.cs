using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Domain.Reporting;

/// <summary>
/// The remaining-soak rows of an organization's plan: every cluster of the policy, in policy
/// order, that OCM knows and that has no error of its own, against the version data the plan
/// decided with (for an invalid organization: its checked-in history, else nothing); add-ons
/// against the add-on's version data, inherited data included.
/// </summary>
public static class ClusterSoakRows
{
    public static ImmutableArray<ClusterSoakRow> Of(OrganizationPolicy policy, FleetOrganization? fleet, OrganizationPlan plan, ImmutableDictionary<string, string> addonVersions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(addonVersions);
        if (fleet is null || fleet.Clusters.IsEmpty)
        {
            return [];
        }

        var ocm = new Dictionary<string, OcmCluster>(fleet.Clusters.Length, StringComparer.Ordinal);
        foreach (var cluster in fleet.Clusters)
        {
            ocm.TryAdd(cluster.Name, cluster);
        }

        var withErrors = plan.Errors.Where(e => e.Cluster is not null).Select(e => e.Cluster!).ToHashSet(StringComparer.Ordinal);
        var versionData = plan.VersionData ?? plan.History ?? VersionHistory.Empty;
        var rows = ImmutableArray.CreateBuilder<ClusterSoakRow>();
        foreach (var clusterPolicy in policy.Clusters)
        {
            if (withErrors.Contains(clusterPolicy.Name) || !ocm.TryGetValue(clusterPolicy.Name, out var cluster))
            {
                continue;
            }

            var spec = new UpgradeSpec(policy, clusterPolicy, cluster);
            rows.Add(new ClusterSoakRow
            {
                Policy = clusterPolicy,
                Cluster = cluster,
                CurrentVersion = spec.OldestCurrentVersion.ToString(),
                Remaining = RemainingSoakDays.Compute(spec, versionData, now),
                Addons = policy.AddonManagedUpgrades ? Addons(policy, clusterPolicy, cluster, plan, addonVersions, now) : [],
            });
        }

        return rows.ToImmutable();
    }

    private static ImmutableArray<AddonSoakRow> Addons(
        OrganizationPolicy policy, ClusterPolicy clusterPolicy, OcmCluster cluster, OrganizationPlan plan, ImmutableDictionary<string, string> latestVersions, DateTimeOffset now)
    {
        var rows = ImmutableArray.CreateBuilder<AddonSoakRow>();
        foreach (var addon in cluster.Addons.Where(a => a.IsReady))
        {
            // The planner makes an unknown or unreadable add-on version an error of the organization; here it is left out.
            if (!latestVersions.TryGetValue(addon.Id, out var latestText)
                || !OpenShiftVersion.TryParse(addon.Version, out var version, out _)
                || !OpenShiftVersion.TryParse(latestText, out var latest, out _))
            {
                continue;
            }

            var spec = UpgradeSpec.ForAddon(policy, clusterPolicy, cluster, addon.Id, version, latest);
            // The data the add-on's pass decided with: its own and what is inherited, else the stored.
            var history = plan.AddonVersionData.GetValueOrDefault(addon.Id) ?? plan.AddonHistories.GetValueOrDefault(addon.Id) ?? VersionHistory.Empty;
            rows.Add(new AddonSoakRow(addon.Id, addon.Version, RemainingSoakDays.Compute(spec, history, now)));
        }

        return rows.ToImmutable();
    }
}
