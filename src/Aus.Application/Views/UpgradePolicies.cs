using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Views;

/// <summary>The upgrades of an organization in progress: the policies OCM has and those the last pass planned.</summary>
internal static class UpgradePolicies
{
    /// <summary>An upgrade running this long is flagged, as the fleet report flags it.</summary>
    public static readonly TimeSpan LongUpgrade = TimeSpan.FromHours(6);

    /// <summary>
    /// Every upgrade policy OCM has for the organization's clusters (cluster, control plane, node
    /// pools, add-ons) that is not completed or cancelled, then the ones the plan creates; clusters in
    /// <paramref name="clusterOrder"/>, the order of the plan.
    /// </summary>
    public static ImmutableArray<UpgradePolicyView> Of(FleetOrganization? fleet, OrganizationPlan? plan, IReadOnlyList<string> clusterOrder, DateTimeOffset now)
    {
        var order = clusterOrder.Select((name, i) => (name, i)).GroupBy(c => c.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var existing = (fleet?.Clusters ?? [])
            .Where(c => order.ContainsKey(c.Name))
            .SelectMany(c => c.UpgradePolicies.Concat(c.AddonUpgradePolicies)
                .Where(p => p.State is not (UpgradePolicyState.Completed or UpgradePolicyState.Cancelled))
                .Select(p => Existing(c.Name, p, now)));
        var planned = (plan?.Actions ?? []).OfType<CreateUpgradePolicy>().Select(a => Planned(a, now));
        return [.. existing.Concat(planned).OrderBy(p => order.GetValueOrDefault(p.Cluster, int.MaxValue))];
    }

    private static UpgradePolicyView Existing(string cluster, ExistingUpgradePolicy policy, DateTimeOffset now) =>
        Timed(new UpgradePolicyView(cluster, policy.Kind, policy.Version) { NodePool = policy.NodePoolId, Addon = policy.AddonId, State = policy.State, NextRun = policy.NextRun }, now);

    private static UpgradePolicyView Planned(CreateUpgradePolicy action, DateTimeOffset now) =>
        Timed(new UpgradePolicyView(action.Cluster, action.Kind, action.Version.ToString())
        {
            NodePool = action.NodePool,
            Addon = action.Addon,
            State = UpgradePolicyState.Scheduled,
            PlannedByLastPass = true,
            NextRun = action.NextRun,
        }, now);

    private static UpgradePolicyView Timed(UpgradePolicyView policy, DateTimeOffset now)
    {
        if (policy.NextRun is not { } run || run > now)
        {
            return policy;
        }

        var running = now - run;
        return policy with { StartedHoursAgo = Math.Round(running.TotalHours, 1), Long = running >= LongUpgrade && policy.State != UpgradePolicyState.Failed };
    }
}
