using Aus.Domain.Planning;
using Aus.TestKit;
using Aus.Domain.Versions;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 8, 9.4 and 11.5: which version is chosen, and why none is.</summary>
public sealed class VersionChoiceTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void HighestVersionMeetingEveryCondition_IsChosen_WhateverOcmsOrder()
    {
        var plan = PlanOne(Organization("org", [Policy("c")]), [Cluster("c", "4.16.1", "4.16.3", "4.16.10", "4.16.2")], Now);

        var decision = plan.Decision("c");
        decision.Decision.ShouldBe(Decision.Upgrade);
        decision.TargetVersion.ShouldBe("4.16.10");
        decision.NextRun.ShouldBe(At("2026-11-23T12:07:00Z"));
        decision.Detail.ShouldBe("upgrade to 4.16.10 at 2026-11-23T12:07:00Z: the highest version that meets every condition");
        plan.Actions.ShouldBe([new CreateUpgradePolicy("c", new("id-c"), Aus.Domain.Fleet.UpgradePolicyKind.Cluster, OpenShiftVersion.Parse("4.16.10"), At("2026-11-23T12:07:00Z"))]);
    }

    [Fact]
    public void BlockedVersions_AreNeverChosen_TheNextLowerIs()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", blocked: ["4.12.1"])], blocked: ["^.*-rc\\..*$"]),
            [Cluster("c", "4.12.0", "4.12.5", "4.12.18", "4.12.19", "4.13.0-rc.1")],
            Now);

        plan.Decision("c").TargetVersion.ShouldBe("4.12.5");
    }

    [Fact]
    public void EveryUpgradeBlocked_IsReasonBlocked_NamingEachVersionAndPattern()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", blocked: ["4.12.1"])], blocked: ["^.*-rc\\..*$"]),
            [Cluster("c", "4.12.0", "4.12.18", "4.13.0-rc.1")],
            Now);

        var decision = plan.Decision("c");
        decision.Reason.ShouldBe(Reason.Blocked);
        decision.Detail.ShouldBe("every available upgrade is blocked: 4.13.0-rc.1 by ^.*-rc\\..*$, 4.12.18 by 4.12.1");
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void DotStarBlocksEverything()
    {
        var plan = PlanOne(Organization("org", [Policy("c", blocked: [".*"])]), [Cluster("c", "4.12.0", "4.12.1")], Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Blocked);
    }

    [Fact]
    public void NoUpgradesOffered_IsReasonNoUpgradesAvailable()
    {
        var plan = PlanOne(Organization("org", [Policy("c")]), [Cluster("c", "4.12.0")], Now);

        plan.Decision("c").Reason.ShouldBe(Reason.NoUpgradesAvailable);
        plan.Decision("c").Detail.ShouldBe("OCM offers no upgrade from 4.12.0");
    }

    [Theory]
    [InlineData(21, 21.0, true)]
    [InlineData(12, 11.0, false)]
    [InlineData(7, 6.999, false)]
    [InlineData(0, 0.0, true)]
    public void Soak_PassesWhenSoakDaysReachTheRequirement(int required, double soaked, bool passes)
    {
        var history = Build.History(Now, ("4.16.2", "wl", soaked, []));

        var plan = PlanOne(Organization("org", [Policy("c", soakDays: required)]), [Cluster("c", "4.16.1", "4.16.2")], Now, history);

        plan.Decision("c").Reason.ShouldBe(passes ? Reason.Scheduled : Reason.Soaking);
    }

    [Fact]
    public void Soak_OfZeroDays_PassesForAVersionNobodyRuns()
    {
        var plan = PlanOne(Organization("org", [Policy("c", soakDays: 0)]), [Cluster("c", "4.16.1", "4.16.2")], Now);

        plan.Decision("c").TargetVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void Soak_WithoutSoakDays_IsNotChecked()
    {
        var plan = PlanOne(Organization("org", [Policy("c", soakDays: null)]), [Cluster("c", "4.16.1", "4.16.2")], Now);

        plan.Decision("c").TargetVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void Soak_MustHoldForEveryWorkload()
    {
        var history = Build.History(Now, ("4.16.2", "a", 6, []), ("4.16.2", "b", 4, []));

        var plan = PlanOne(Organization("org", [Policy("c", soakDays: 5, workloads: ["a", "b"])]), [Cluster("c", "4.16.1", "4.16.2")], Now, history);

        plan.Decision("c").Reason.ShouldBe(Reason.Soaking);
        plan.Decision("c").Detail.ShouldBe("4.16.2 has soaked 4.00 of 5 days for workload b");
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void Soak_DetailNamesTheHighestCandidate()
    {
        var history = Build.History(Now, ("4.16.2", "my-service", 3.2, []), ("4.16.1", "my-service", 1, []));

        var plan = PlanOne(
            Organization("org", [Policy("prod-2", soakDays: 7, workloads: ["my-service"])]),
            [Cluster("prod-2", "4.15.10", "4.16.1", "4.16.2")],
            Now,
            history);

        plan.Decision("prod-2").Detail.ShouldBe("4.16.2 has soaked 3.20 of 7 days for workload my-service");
    }

    [Fact]
    public void Soak_FallsBackToALowerVersionThatHasSoaked()
    {
        var history = Build.History(Now, ("4.16.3", "wl", 1, []), ("4.16.2", "wl", 10, []));

        var plan = PlanOne(Organization("org", [Policy("c", soakDays: 5)]), [Cluster("c", "4.16.1", "4.16.3", "4.16.2")], Now, history);

        plan.Decision("c").TargetVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void Soak_CountsThisPassesCheckIn()
    {
        // Two clusters already run 4.16.2 for a day since the last check-in: 2 cluster-days more.
        var history = Build.History(Now.AddDays(-1), ("4.16.2", "wl", 5, ["a", "b"]));

        var plan = PlanOne(
            Organization("org", [Policy("a"), Policy("b"), Policy("c", soakDays: 7)]),
            [Cluster("a", "4.16.2"), Cluster("b", "4.16.2"), Cluster("c", "4.16.1", "4.16.2")],
            Now,
            history);

        plan.Decision("c").TargetVersion.ShouldBe("4.16.2");
        plan.History.ShouldNotBeNull().SoakDays("4.16.2", new Aus.Domain.Policies.Workload("wl")).ShouldBe(7, tolerance: 1e-9);
    }

    [Fact]
    public void Soak_OfAnUnhealthyClusterWithEnforcedErrors_DoesNotCount_ButItIsStillUpgraded()
    {
        var history = Build.History(Now.AddDays(-1), ("4.16.2", "wl", 6, ["a"]));
        var unhealthy = new Aus.Domain.Fleet.HealthError("telemeter", "ClusterOperatorDown", Enforce: true);

        var plan = PlanOne(
            Organization("org", [Policy("a"), Policy("c", soakDays: 7)]),
            [Cluster("a", "4.16.2", "4.16.3") with { HealthErrors = [unhealthy] }, Cluster("c", "4.16.1", "4.16.2")],
            Now,
            history);

        plan.Decision("c").Reason.ShouldBe(Reason.Soaking);
        plan.Decision("a").Reason.ShouldBe(Reason.Scheduled);
    }
}
