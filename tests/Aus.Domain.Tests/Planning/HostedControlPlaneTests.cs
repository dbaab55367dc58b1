using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Versions;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 11.3 step 2 and 11.7: ROSA hosted control planes and node pools.</summary>
public sealed class HostedControlPlaneTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void WithoutLaggingPools_TheControlPlaneGetsTheUpgrade()
    {
        var plan = PlanOne(Organization("org", [Policy("h")]), [Hcp("h", "4.16.1", ["4.16.2"], ("workers", "4.16.1"))], Now);

        plan.Actions.ShouldBe([new CreateUpgradePolicy("h", new ClusterId("id-h"), UpgradePolicyKind.ControlPlane, OpenShiftVersion.Parse("4.16.2"), At("2026-11-23T12:07:00Z"))]);
    }

    [Fact]
    public void NodePoolsOfOtherProducts_AreNotHostedControlPlanes()
    {
        var plan = PlanOne(Organization("org", [Policy("h")]), [Cluster("h", "4.16.1", "4.16.2") with { Hypershift = true }], Now);

        plan.Actions.OfType<CreateUpgradePolicy>().Single().Kind.ShouldBe(UpgradePolicyKind.Cluster);
    }

    [Fact]
    public void TheFirstLaggingPoolInListOrder_CatchesUpSixMinutesFromNow_NotMinuteAligned()
    {
        var now = At("2026-11-23T12:00:30Z");
        var plan = PlanOne(
            Organization("org", [Policy("h")]),
            [Hcp("h", "4.16.2", ["4.16.3"], ("current", "4.16.2"), ("second", "4.16.1"), ("third", "4.16.0"))],
            now);

        plan.Actions.ShouldBe([new CreateUpgradePolicy("h", new ClusterId("id-h"), UpgradePolicyKind.NodePool, OpenShiftVersion.Parse("4.16.2"), At("2026-11-23T12:06:30Z"), "second")]);
        var decision = plan.Decision("h");
        decision.Decision.ShouldBe(Decision.Upgrade);
        decision.Reason.ShouldBe(Reason.NodePoolUpgrade);
        decision.TargetVersion.ShouldBe("4.16.2");
        decision.NextRun.ShouldBe(At("2026-11-23T12:06:30Z"));
        decision.Detail.ShouldBe("node pool second runs 4.16.1, behind the control plane at 4.16.2");
    }

    [Fact]
    public void NodePoolCatchUp_IgnoresWindowSoakAndBlockedVersions()
    {
        var plan = PlanOne(
            Organization("org", [Policy("h", schedule: "0 0 1 1 *", soakDays: 100, blocked: ["4.16.2"])]),
            [Hcp("h", "4.16.2", [], ("workers", "4.16.1"))],
            Now);

        plan.Decision("h").Reason.ShouldBe(Reason.NodePoolUpgrade);
    }

    [Fact]
    public void CapacityIsCheckedFirst()
    {
        var plan = PlanOne(
            Organization("org", [Policy("busy", mutexes: ["m"]), Policy("h", mutexes: ["m"])]),
            [Cluster("busy", "4.16.9") with { UpgradePolicies = [ExistingPolicy("4.16.10")] }, Hcp("h", "4.16.2", [], ("workers", "4.16.1"))],
            Now);

        plan.Decision("h").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("h").Detail.ShouldBe("mutex m is held by busy (upgrading to 4.16.10)");
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void NodePoolCatchUp_HoldsTheMutexes()
    {
        var plan = PlanOne(
            Organization("org", [Policy("h", mutexes: ["m"]), Policy("c", mutexes: ["m"])]),
            [Hcp("h", "4.16.2", [], ("workers", "4.16.1")), Cluster("c", "4.16.3", "4.16.4")],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("c").Detail.ShouldBe("mutex m is held by h (upgrading to 4.16.2)");
    }

    [Fact]
    public void AnExistingNodePoolPolicy_StopsFurtherPolicies()
    {
        var existing = ExistingPolicy("4.16.2") with { Kind = UpgradePolicyKind.NodePool, NodePoolId = "workers" };
        var plan = PlanOne(
            Organization("org", [Policy("h")]),
            [Hcp("h", "4.16.2", ["4.16.3"], ("workers", "4.16.1"), ("more", "4.16.1")) with { UpgradePolicies = [existing] }],
            Now);

        plan.Decision("h").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void NumericSectorLimit_LetsASecondNodePoolPolicyThrough_AReferenceQuirk()
    {
        // 11.4: with a count of 2 or more the implicit per-cluster mutex allows two, and for
        // hosted control planes the node-pool step runs before the existing-policy step.
        var existing = ExistingPolicy("4.16.2") with { Kind = UpgradePolicyKind.NodePool, NodePoolId = "workers" };
        var plan = PlanOne(
            Organization("org", [Policy("h", sector: "s")], [Sector("s", "2")]),
            [Hcp("h", "4.16.2", [], ("workers", "4.16.1")) with { UpgradePolicies = [existing] }],
            Now);

        plan.Decision("h").Reason.ShouldBe(Reason.NodePoolUpgrade);
    }

    [Fact]
    public void ControlPlaneWithAPolicy_IsInProgress()
    {
        var existing = ExistingPolicy("4.16.3") with { Kind = UpgradePolicyKind.ControlPlane };
        var plan = PlanOne(
            Organization("org", [Policy("h")]),
            [Hcp("h", "4.16.2", ["4.16.3"], ("workers", "4.16.2")) with { UpgradePolicies = [existing] }],
            Now);

        plan.Decision("h").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Decision("h").Detail.ShouldBe("upgrade policy policy-4.16.3 to 4.16.3 exists in OCM (state scheduled)");
    }

    [Fact]
    public void ControlPlaneWithAPolicy_HeldByAnotherClustersMutex_IsStillInProgress()
    {
        var plan = PlanOne(
            Organization("org", [Policy("h", mutexes: ["m"]), Policy("other", mutexes: ["m"])]),
            [
                Hcp("h", "4.16.2", ["4.16.3"], ("workers", "4.16.2")) with { UpgradePolicies = [ExistingPolicy("4.16.3") with { Kind = UpgradePolicyKind.ControlPlane }] },
                Cluster("other", "4.16.5") with { UpgradePolicies = [ExistingPolicy("4.16.6")] },
            ],
            Now);

        plan.Decision("h").Reason.ShouldBe(Reason.UpgradeInProgress);
    }

    [Fact]
    public void ControlPlaneWithAPolicy_InAFullSector_IsStillInProgress()
    {
        var plan = PlanOne(
            Organization("org", [Policy("h", mutexes: ["m"], sector: "s"), Policy("other", mutexes: ["m"], sector: "s")], [Sector("s", "50%")]),
            [
                Hcp("h", "4.16.2", ["4.16.3"], ("workers", "4.16.2")) with { UpgradePolicies = [ExistingPolicy("4.16.3") with { Kind = UpgradePolicyKind.ControlPlane }] },
                Cluster("other", "4.16.5") with { UpgradePolicies = [ExistingPolicy("4.16.6")] },
            ],
            Now);

        plan.Decision("h").Reason.ShouldBe(Reason.UpgradeInProgress);
    }
}
