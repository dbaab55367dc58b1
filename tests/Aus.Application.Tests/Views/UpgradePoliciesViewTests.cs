using Aus.Application.Views;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Views;

/// <summary>Upgrades in progress: every policy OCM has that is still open, node pools and add-ons too, and those the pass plans.</summary>
public sealed class UpgradePoliciesViewTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void A_started_policy_says_how_long_ago_it_started_and_one_of_6_hours_or_more_is_long()
    {
        var policy = Organization("org", [Policy("a"), Policy("b")]);
        OcmCluster[] clusters =
        [
            Cluster("a", "4.15.1", "4.15.2") with { UpgradePolicies = [ExistingPolicy("4.15.2", UpgradePolicyState.Started, Now.AddHours(-1.5))] },
            Cluster("b", "4.15.1", "4.15.2") with { UpgradePolicies = [ExistingPolicy("4.15.2", UpgradePolicyState.Started, Now.AddHours(-7))] },
        ];

        var inProgress = View(policy, clusters).InProgress;

        inProgress.Select(p => (p.Cluster, p.State, p.StartedHoursAgo, p.Long)).ShouldBe(
        [
            ("a", UpgradePolicyState.Started, 1.5, false),
            ("b", UpgradePolicyState.Started, 7.0, true),
        ]);
    }

    [Fact]
    public void A_scheduled_policy_has_its_next_run_and_has_not_started()
    {
        var policy = Organization("org", [Policy("a")]);
        var cluster = Cluster("a", "4.15.1", "4.15.2") with { UpgradePolicies = [ExistingPolicy("4.15.2", UpgradePolicyState.Scheduled, Now.AddHours(3))] };

        var scheduled = View(policy, [cluster]).InProgress.ShouldHaveSingleItem();

        (scheduled.State, scheduled.NextRun, scheduled.StartedHoursAgo, scheduled.PlannedByLastPass).ShouldBe((UpgradePolicyState.Scheduled, Now.AddHours(3), null, false));
    }

    [Fact]
    public void Node_pool_and_add_on_policies_are_listed_and_completed_or_cancelled_ones_are_not()
    {
        var policy = Organization("org", [Policy("hcp"), Policy("classic")]);
        OcmCluster[] clusters =
        [
            Hcp("hcp", "4.15.2", [], ("pool-1", "4.15.1")) with
            {
                UpgradePolicies = [ExistingPolicy("4.15.2", UpgradePolicyState.Started, Now.AddHours(-1)) with { Kind = UpgradePolicyKind.NodePool, NodePoolId = "pool-1" }],
            },
            Cluster("classic", "4.15.1") with
            {
                UpgradePolicies = [ExistingPolicy("4.15.0", UpgradePolicyState.Completed, Now.AddDays(-3))],
                AddonUpgradePolicies = [AddonPolicy("logging", "1.2.0", UpgradePolicyState.Pending), AddonPolicy("old", "1.0.0", UpgradePolicyState.Cancelled)],
            },
        ];

        var inProgress = View(policy, clusters).InProgress;

        inProgress.Select(p => (p.Cluster, p.Kind, p.NodePool, p.Addon, p.Version, p.State)).ShouldBe(
        [
            ("hcp", UpgradePolicyKind.NodePool, "pool-1", null, "4.15.2", UpgradePolicyState.Started),
            ("classic", UpgradePolicyKind.Addon, null, "logging", "1.2.0", UpgradePolicyState.Pending),
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_policy_the_pass_plans_is_listed_as_scheduled_by_the_last_pass()
    {
        var policy = Organization("org", [Policy("a")]);

        var planned = View(policy, [Cluster("a", "4.15.1", "4.15.2")]).InProgress.ShouldHaveSingleItem();

        (planned.Cluster, planned.Version, planned.State, planned.PlannedByLastPass).ShouldBe(("a", "4.15.2", UpgradePolicyState.Scheduled, true));
        planned.NextRun.ShouldNotBeNull();
    }

    private static OrganizationView View(OrganizationPolicy policy, OcmCluster[] clusters)
    {
        var request = new PlanRequest([Input(policy)], Fleet(policy.OrgId.Value, clusters), Now) { IncludeReport = true };
        return FleetViewBuilder.FromPlan(FleetPlanner.Plan(request), request).Environments.Single().Organizations.Single();
    }
}
