using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>A pause with cancel-scheduled deletes the upgrade policies of its scope that have not started.</summary>
public sealed class CancelScheduledTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");
    private static readonly DateTimeOffset Tonight = At("2026-11-23T22:00:00Z");

    private static readonly OrganizationPolicy TwoSectors = Organization(
        "org",
        [Policy("stage-1", sector: "stage"), Policy("prod-1", sector: "prod"), Policy("prod-2", sector: "prod")],
        [Sector("stage"), Sector("prod")]);

    private static OrganizationPlan Plan(OrganizationPolicy organization, IEnumerable<OcmCluster> clusters, RolloutControls controls, string? explain = null) =>
        PlanFleet(organization, clusters, controls, explain).Organizations.Single();

    private static FleetPlan PlanFleet(OrganizationPolicy organization, IEnumerable<OcmCluster> clusters, RolloutControls controls, string? explain = null) =>
        FleetPlanner.Plan(new PlanRequest([new OrganizationInput { Policy = organization, Controls = controls }], Build.Fleet(organization.OrgId.Value, clusters), Now)
        {
            ExplainCluster = explain,
        });

    private static RolloutControls Cancelling(PauseScope scope, string? target, string? reason = null, bool cancelScheduled = true, DateTimeOffset? until = null) =>
        new() { Pauses = [new RolloutPause { Scope = scope, Target = target, Reason = reason, Until = until, CancelScheduled = cancelScheduled }] };

    /// <summary>Every cluster of both sectors has a policy to 4.16.2 in OCM, in the given state.</summary>
    private static OcmCluster[] FleetWithPolicies(UpgradePolicyState state) =>
    [
        Cluster("stage-1", "4.16.1", "4.16.2") with { UpgradePolicies = [Existing("p-stage-1", "4.16.2", state)] },
        Cluster("prod-1", "4.16.1", "4.16.2") with { UpgradePolicies = [Existing("p-prod-1", "4.16.2", state)] },
        Cluster("prod-2", "4.16.1", "4.16.2") with { UpgradePolicies = [Existing("p-prod-2", "4.16.2", state)] },
    ];

    private static ExistingUpgradePolicy Existing(string id, string version, UpgradePolicyState state) =>
        ExistingPolicy(version, state, Tonight) with { Id = id };

    private static IEnumerable<string> DeletedIds(OrganizationPlan plan) => plan.Actions.OfType<DeleteUpgradePolicy>().Select(d => d.PolicyId);

    [Theory]
    [InlineData(UpgradePolicyState.Scheduled)]
    [InlineData(UpgradePolicyState.Pending)]
    public void AnOrganizationPause_DeletesEveryPolicyThatHasNotStarted(UpgradePolicyState state)
    {
        var plan = Plan(TwoSectors, FleetWithPolicies(state), Cancelling(PauseScope.Organization, null, "bad release"));

        DeletedIds(plan).ShouldBe(["p-stage-1", "p-prod-1", "p-prod-2"], ignoreOrder: true);
        plan.Actions.OfType<CreateUpgradePolicy>().ShouldBeEmpty();
        plan.Clusters.ShouldAllBe(c => c.Reason == Reason.Paused);
        plan.Decision("prod-1").Detail.ShouldBe(
            $"paused by the organization pause: bad release, which cancels scheduled upgrades: upgrade policy p-prod-1 to 4.16.2 (state {state.ToString().ToLowerInvariant()}, next run 2026-11-23T22:00:00Z) has not started and is deleted");
    }

    [Theory]
    [InlineData(UpgradePolicyState.Started)]
    [InlineData(UpgradePolicyState.Delayed)]
    [InlineData(UpgradePolicyState.Failed)]
    [InlineData(UpgradePolicyState.Completed)]
    [InlineData(UpgradePolicyState.Unknown)]
    public void APolicyThatHasStarted_OrWhoseStateIsNotKnown_Stays(UpgradePolicyState state)
    {
        var plan = Plan(TwoSectors, FleetWithPolicies(state), Cancelling(PauseScope.Organization, null));

        plan.Actions.ShouldBeEmpty();
        plan.Clusters.ShouldAllBe(c => c.Reason == Reason.UpgradeInProgress);
    }

    [Fact]
    public void ASectorPause_DeletesOnlyThatSectorsPolicies()
    {
        var plan = Plan(TwoSectors, FleetWithPolicies(UpgradePolicyState.Scheduled), Cancelling(PauseScope.Sector, "prod"));

        DeletedIds(plan).ShouldBe(["p-prod-1", "p-prod-2"], ignoreOrder: true);
        plan.Decision("stage-1").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Decision("prod-2").Reason.ShouldBe(Reason.Paused);
    }

    [Fact]
    public void AClusterPause_DeletesOnlyThatClustersPolicy()
    {
        var plan = Plan(TwoSectors, FleetWithPolicies(UpgradePolicyState.Scheduled), Cancelling(PauseScope.Cluster, "prod-2"));

        var delete = plan.Actions.OfType<DeleteUpgradePolicy>().ShouldHaveSingleItem();
        delete.ShouldBe(new DeleteUpgradePolicy("prod-2", new ClusterId("id-prod-2"), UpgradePolicyKind.Cluster, "p-prod-2") { Version = "4.16.2" });
        plan.Decision("prod-1").Reason.ShouldBe(Reason.UpgradeInProgress);
    }

    [Fact]
    public void AVersionPause_DeletesOnlyPoliciesToThatVersion()
    {
        var organization = Organization("org", [Policy("a"), Policy("b")]);
        OcmCluster[] fleet =
        [
            Cluster("a", "4.16.1", "4.16.2", "4.16.3") with { UpgradePolicies = [Existing("p-a", "4.16.3", UpgradePolicyState.Scheduled)] },
            Cluster("b", "4.16.1", "4.16.2", "4.16.3") with { UpgradePolicies = [Existing("p-b", "4.16.2", UpgradePolicyState.Scheduled)] },
        ];

        var plan = Plan(organization, fleet, Cancelling(PauseScope.Version, "4.16.3", "regression"));

        DeletedIds(plan).ShouldBe(["p-a"]);
        plan.Decision("a").Reason.ShouldBe(Reason.Paused);
        plan.Decision("a").Detail.ShouldStartWith("paused by the version 4.16.3 pause: regression, which cancels scheduled upgrades: upgrade policy p-a to 4.16.3");
        plan.Decision("b").Reason.ShouldBe(Reason.UpgradeInProgress);
    }

    [Fact]
    public void WithoutTheFlag_APauseKeepsEveryPolicy()
    {
        var plan = Plan(TwoSectors, FleetWithPolicies(UpgradePolicyState.Scheduled), Cancelling(PauseScope.Organization, null, cancelScheduled: false));

        plan.Actions.ShouldBeEmpty();
        plan.Clusters.ShouldAllBe(c => c.Reason == Reason.UpgradeInProgress);
    }

    [Fact]
    public void AnExpiredPause_CancelsNothing()
    {
        var plan = Plan(TwoSectors, FleetWithPolicies(UpgradePolicyState.Scheduled), Cancelling(PauseScope.Organization, null, until: Now));

        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void HostedControlPlaneAndNodePoolPolicies_AreDeletedWithTheirKind()
    {
        var organization = Organization("org", [Policy("hcp")]);
        var cluster = Hcp("hcp", "4.16.1", ["4.16.2"], ("workers", "4.16.1")) with
        {
            UpgradePolicies =
            [
                Existing("cp-1", "4.16.2", UpgradePolicyState.Scheduled) with { Kind = UpgradePolicyKind.ControlPlane },
                Existing("np-1", "4.16.1", UpgradePolicyState.Pending) with { Kind = UpgradePolicyKind.NodePool, NodePoolId = "workers" },
            ],
        };

        var plan = Plan(organization, [cluster], Cancelling(PauseScope.Cluster, "hcp"));

        plan.Actions.OfType<DeleteUpgradePolicy>().ShouldBe(
        [
            new DeleteUpgradePolicy("hcp", new ClusterId("id-hcp"), UpgradePolicyKind.ControlPlane, "cp-1") { Version = "4.16.2" },
            new DeleteUpgradePolicy("hcp", new ClusterId("id-hcp"), UpgradePolicyKind.NodePool, "np-1") { Version = "4.16.1", NodePool = "workers" },
        ]);
        plan.Decision("hcp").Detail.ShouldContain("node-pool workers upgrade policy np-1 to 4.16.1 (state pending");
    }

    [Fact]
    public void AStartedPolicyBesideAScheduledOne_KeepsTheClusterInProgress()
    {
        var organization = Organization("org", [Policy("hcp")]);
        var cluster = Hcp("hcp", "4.16.1", ["4.16.2"], ("workers", "4.16.1")) with
        {
            UpgradePolicies =
            [
                Existing("cp-1", "4.16.2", UpgradePolicyState.Started) with { Kind = UpgradePolicyKind.ControlPlane },
                Existing("np-1", "4.16.1", UpgradePolicyState.Scheduled) with { Kind = UpgradePolicyKind.NodePool, NodePoolId = "workers" },
            ],
        };

        var plan = Plan(organization, [cluster], Cancelling(PauseScope.Organization, null));

        DeletedIds(plan).ShouldBe(["np-1"]);
        plan.Decision("hcp").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Decision("hcp").Detail.ShouldStartWith("upgrade policy cp-1 to 4.16.2 exists in OCM (state started");
    }

    [Fact]
    public void ACancelledPolicy_StillHoldsItsMutexInThisPass()
    {
        // The policy is only gone from OCM after this pass: a cluster sharing its mutex waits a pass more.
        var organization = Organization("org", [Policy("a", mutexes: ["m"]), Policy("b", mutexes: ["m"])]);
        OcmCluster[] fleet =
        [
            Cluster("a", "4.16.1", "4.16.2") with { UpgradePolicies = [Existing("p-a", "4.16.2", UpgradePolicyState.Scheduled)] },
            Cluster("b", "4.16.1", "4.16.2"),
        ];

        var plan = Plan(organization, fleet, Cancelling(PauseScope.Cluster, "a"));

        DeletedIds(plan).ShouldBe(["p-a"]);
        plan.Decision("b").Reason.ShouldBe(Reason.MutexLocked);
    }

    [Fact]
    public void Explain_ShowsTheDeletionAsAStepAndAnAction()
    {
        var fleet = PlanFleet(TwoSectors, FleetWithPolicies(UpgradePolicyState.Scheduled), Cancelling(PauseScope.Cluster, "prod-1"), explain: "prod-1");

        var explanation = fleet.Explanation.ShouldNotBeNull();
        explanation.Steps.ShouldContain(s => s.Contains("p-prod-1", StringComparison.Ordinal) && s.EndsWith("has not started and is deleted", StringComparison.Ordinal));
        explanation.Actions.ShouldHaveSingleItem().ShouldBeOfType<DeleteUpgradePolicy>().PolicyId.ShouldBe("p-prod-1");
    }
}
