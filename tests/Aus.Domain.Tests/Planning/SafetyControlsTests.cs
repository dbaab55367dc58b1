using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>Pauses, freezes, approvals and halted versions as extra conditions of the planner.</summary>
public sealed class SafetyControlsTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static OrganizationPlan Plan(OrganizationPolicy organization, IEnumerable<OcmCluster> clusters, RolloutControls controls, string? explain = null)
    {
        var input = new OrganizationInput { Policy = organization, Controls = controls };
        var plan = FleetPlanner.Plan(new PlanRequest([input], Build.Fleet(organization.OrgId.Value, clusters), Now) { ExplainCluster = explain });
        return plan.Organizations.Single();
    }

    private static FleetPlan PlanFleet(OrganizationPolicy organization, IEnumerable<OcmCluster> clusters, RolloutControls controls, string explain)
    {
        var input = new OrganizationInput { Policy = organization, Controls = controls };
        return FleetPlanner.Plan(new PlanRequest([input], Build.Fleet(organization.OrgId.Value, clusters), Now) { ExplainCluster = explain });
    }

    private static RolloutControls Paused(PauseScope scope, string? target, string? reason = null, DateTimeOffset? until = null) =>
        new() { Pauses = [new RolloutPause { Scope = scope, Target = target, Reason = reason, Until = until }] };

    private static readonly OrganizationPolicy TwoSectors = Organization(
        "org",
        [Policy("stage-1", sector: "stage"), Policy("prod-1", sector: "prod"), Policy("prod-2", sector: "prod")],
        [Sector("stage"), Sector("prod")]);

    private static readonly OcmCluster[] TwoSectorFleet =
    [
        Cluster("stage-1", "4.16.1", "4.16.2"),
        Cluster("prod-1", "4.16.1", "4.16.2"),
        Cluster("prod-2", "4.16.1", "4.16.2"),
    ];

    [Fact]
    public void AnOrganizationPause_HoldsEveryClusterWithTheReasonText()
    {
        var plan = Plan(TwoSectors, TwoSectorFleet, Paused(PauseScope.Organization, null, "bad release"));

        plan.Actions.ShouldBeEmpty();
        plan.Clusters.ShouldAllBe(c => c.Reason == Reason.Paused);
        plan.Decision("prod-1").Detail.ShouldBe("paused by the organization pause: bad release");
    }

    [Fact]
    public void ASectorPause_HoldsOnlyThatSector()
    {
        var plan = Plan(TwoSectors, TwoSectorFleet, Paused(PauseScope.Sector, "prod", until: At("2026-11-24T00:00:00Z")));

        plan.Decision("stage-1").Reason.ShouldBe(Reason.Scheduled);
        plan.Decision("prod-1").Reason.ShouldBe(Reason.Paused);
        plan.Decision("prod-2").Detail.ShouldBe("paused by the sector prod pause (until 2026-11-24T00:00:00Z)");
    }

    [Fact]
    public void AClusterPause_HoldsOnlyThatCluster()
    {
        var plan = Plan(TwoSectors, TwoSectorFleet, Paused(PauseScope.Cluster, "prod-2"));

        plan.Decision("prod-1").Reason.ShouldBe(Reason.Scheduled);
        plan.Decision("prod-2").Reason.ShouldBe(Reason.Paused);
        plan.Decision("prod-2").Detail.ShouldBe("paused by the cluster prod-2 pause");
    }

    [Fact]
    public void APauseWhoseUntilHasPassed_HoldsNothing()
    {
        var plan = Plan(TwoSectors, TwoSectorFleet, Paused(PauseScope.Organization, null, until: Now));

        plan.Clusters.ShouldAllBe(c => c.Reason == Reason.Scheduled);
    }

    [Fact]
    public void APausedClusterWithAPolicyInOcm_IsReportedInProgress_AndKeepsItsPolicy()
    {
        var fleet = TwoSectorFleet.Select(c => c.Name == "prod-1" ? c with { UpgradePolicies = [ExistingPolicy("4.16.2")] } : c);

        var plan = Plan(TwoSectors, fleet, Paused(PauseScope.Organization, null));

        plan.Decision("prod-1").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void APausedHostedControlPlane_DoesNotCatchUpItsNodePools()
    {
        var organization = Organization("org", [Policy("hcp")]);
        var plan = Plan(organization, [Hcp("hcp", "4.16.2", [], ("workers", "4.16.1"))], Paused(PauseScope.Cluster, "hcp"));

        plan.Decision("hcp").Reason.ShouldBe(Reason.Paused);
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void AVersionPause_HoldsThatVersion_AndLetsALowerOneThrough()
    {
        var organization = Organization("org", [Policy("c")]);

        var plan = Plan(organization, [Cluster("c", "4.16.1", "4.16.2", "4.16.3")], Paused(PauseScope.Version, "4.16.3", "regression"));

        plan.Decision("c").TargetVersion.ShouldBe("4.16.2");
        var onlyPaused = Plan(organization, [Cluster("c", "4.16.1", "4.16.3")], Paused(PauseScope.Version, "4.16.3", "regression"));
        onlyPaused.Decision("c").Reason.ShouldBe(Reason.Paused);
        onlyPaused.Decision("c").Detail.ShouldBe("4.16.3 is paused by the version 4.16.3 pause: regression");
    }

    [Fact]
    public void AHaltedVersion_IsNeverTheTarget()
    {
        var organization = Organization("org", [Policy("a"), Policy("b")]);
        var controls = new RolloutControls { HaltedVersions = ["4.16.3"] };

        var plan = Plan(organization, [Cluster("a", "4.16.1", "4.16.2", "4.16.3"), Cluster("b", "4.16.2", "4.16.3")], controls);

        plan.Decision("a").TargetVersion.ShouldBe("4.16.2");
        plan.Decision("b").Reason.ShouldBe(Reason.VersionHalted);
        plan.Decision("b").Detail.ShouldBe("4.16.3 is halted in this organization after failed upgrades; aus resume --version 4.16.3 lifts the halt");
    }

    [Fact]
    public void ASectorRequiringApproval_WaitsForEachVersionUntilApproved()
    {
        var organization = Organization("org", [Policy("stage-1", sector: "stage"), Policy("prod-1", sector: "prod")], [Sector("stage"), Sector("prod") with { RequireApproval = true }]);
        OcmCluster[] fleet = [Cluster("stage-1", "4.16.1", "4.16.2"), Cluster("prod-1", "4.16.2", "4.16.3")];

        var waiting = Plan(organization, fleet, RolloutControls.Empty);
        var approved = Plan(organization, fleet, new RolloutControls { Approvals = [new RolloutApproval("prod", "4.16.3")] });
        var otherVersion = Plan(organization, fleet, new RolloutControls { Approvals = [new RolloutApproval("prod", "4.16.2")] });

        waiting.Decision("stage-1").Reason.ShouldBe(Reason.Scheduled);
        waiting.Decision("prod-1").Reason.ShouldBe(Reason.AwaitingApproval);
        waiting.Decision("prod-1").Detail.ShouldBe("sector prod requires approval and 4.16.3 is not approved for it; aus approve --sector prod --version 4.16.3 lets it go");
        approved.Decision("prod-1").TargetVersion.ShouldBe("4.16.3");
        otherVersion.Decision("prod-1").Reason.ShouldBe(Reason.AwaitingApproval);
    }

    [Fact]
    public void Approval_IsAskedForOnlyOnceEveryOtherConditionHolds()
    {
        var organization = Organization("org", [Policy("prod-1", soakDays: 3, sector: "prod")], [Sector("prod") with { RequireApproval = true }]);

        var plan = Plan(organization, [Cluster("prod-1", "4.16.1", "4.16.2")], RolloutControls.Empty);

        plan.Decision("prod-1").Reason.ShouldBe(Reason.Soaking);
    }

    [Fact]
    public void AFixedFreeze_HoldsAClusterWhoseNextRunFallsInsideIt()
    {
        var freeze = FreezeWindow.Fixed("black-friday", At("2026-11-23T00:00:00Z"), At("2026-11-24T00:00:00Z"));
        var organization = Organization("org", [Policy("c")]) with { Freezes = [freeze] };

        var plan = Plan(organization, [Cluster("c", "4.16.1", "4.16.2")], RolloutControls.Empty);

        plan.Decision("c").Reason.ShouldBe(Reason.Frozen);
        plan.Decision("c").Detail.ShouldBe("next run 2026-11-23T12:07:00Z falls inside freeze black-friday (2026-11-23T00:00:00Z to 2026-11-24T00:00:00Z)");
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void AFreeze_EndingBeforeTheNextRun_HoldsNothing()
    {
        var freeze = FreezeWindow.Fixed("morning", At("2026-11-23T00:00:00Z"), At("2026-11-23T12:07:00Z"));
        var organization = Organization("org", [Policy("c")]) with { Freezes = [freeze] };

        var plan = Plan(organization, [Cluster("c", "4.16.1", "4.16.2")], RolloutControls.Empty);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
    }

    [Theory]
    [InlineData("0 12 * * 1", 60, true)]      // Mondays 12:00 to 13:00; now is a Monday at 12:00, the next run 12:07
    [InlineData("0 12 * * 1", 7, false)]      // closes at 12:07, the next run
    [InlineData("7 12 * * 1", 1, true)]       // opens at the next run itself
    [InlineData("0 11 * * 1", 120, true)]
    [InlineData("0 12 * * 2", 1440, false)]   // Tuesdays
    public void ARecurringFreeze_HoldsRunsInsideAnOccurrence(string schedule, int minutes, bool frozen)
    {
        var freeze = FreezeWindow.Recurring("weekly", CronSchedule.Parse(schedule), TimeSpan.FromMinutes(minutes));
        var organization = Organization("org", [Policy("c")]) with { Freezes = [freeze] };

        var plan = Plan(organization, [Cluster("c", "4.16.1", "4.16.2")], RolloutControls.Empty);

        plan.Decision("c").Reason.ShouldBe(frozen ? Reason.Frozen : Reason.Scheduled);
    }

    [Fact]
    public void AFrozenHostedControlPlane_DoesNotCatchUpItsNodePools()
    {
        var freeze = FreezeWindow.Fixed("f", At("2026-11-23T00:00:00Z"), At("2026-11-24T00:00:00Z"));
        var organization = Organization("org", [Policy("hcp")]) with { Freezes = [freeze] };

        var plan = Plan(organization, [Hcp("hcp", "4.16.2", [], ("workers", "4.16.1"))], RolloutControls.Empty);

        plan.Decision("hcp").Reason.ShouldBe(Reason.Frozen);
    }

    [Fact]
    public void Explain_ShowsEachControlThatWasChecked()
    {
        var freeze = FreezeWindow.Fixed("past", At("2026-11-01T00:00:00Z"), At("2026-11-02T00:00:00Z"));
        var organization = Organization("org", [Policy("c", sector: "s")], [Sector("s") with { RequireApproval = true }]) with { Freezes = [freeze] };
        var controls = new RolloutControls
        {
            Pauses = [new RolloutPause { Scope = PauseScope.Cluster, Target = "other" }],
            HaltedVersions = ["4.16.3"],
            Approvals = [new RolloutApproval("s", "4.16.2")],
        };

        var explanation = PlanFleet(organization, [Cluster("c", "4.16.1", "4.16.2", "4.16.3")], controls, explain: "c").Explanation!;

        explanation.Steps.ShouldContain("no pause covers cluster c");
        explanation.Steps.ShouldContain("next run 2026-11-23T12:07:00Z is outside every freeze");
        var halted = explanation.Candidates.Single(c => c.Version == V("4.16.3"));
        halted.FirstFailure!.FailureReason.ShouldBe(Reason.VersionHalted);
        var chosen = explanation.Candidates.Single(c => c.Version == V("4.16.2"));
        chosen.Conditions.Select(c => c.Detail).ShouldBe(["4.16.2 is neither halted nor paused", "no inherited minimum version applies", "4.16.2 has soaked 0.00 of 0 days for workload wl", "4.16.2 is approved for sector s"]);
        explanation.Decision.TargetVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void WithoutControls_ExplainHasNoControlSteps()
    {
        var organization = Organization("org", [Policy("c")]);

        var explanation = PlanFleet(organization, [Cluster("c", "4.16.1", "4.16.2")], RolloutControls.Empty, explain: "c").Explanation!;

        explanation.Steps.ShouldNotContain(s => s.Contains("pause", StringComparison.Ordinal) || s.Contains("freeze", StringComparison.Ordinal));
        explanation.Candidates.Single().Conditions.ShouldNotContain(c => c.FailureReason == Reason.VersionHalted || c.FailureReason == Reason.AwaitingApproval);
    }

    [Fact]
    public void ReasonCodes_AreTheContractNames()
    {
        Reason.Paused.ToCode().ShouldBe("paused");
        Reason.Frozen.ToCode().ShouldBe("frozen");
        Reason.AwaitingApproval.ToCode().ShouldBe("awaiting-approval");
        Reason.VersionHalted.ToCode().ShouldBe("version-halted");
    }

    [Fact]
    public void History_StillChecksIn_ForAPausedOrganization()
    {
        var organization = Organization("org", [Policy("c")]);
        var input = new OrganizationInput { Policy = organization, History = Build.History(Now.AddHours(-1), ("4.16.1", "wl", 1.0, ["c"])), Controls = Paused(PauseScope.Organization, null) };

        var plan = FleetPlanner.Plan(new PlanRequest([input], Build.Fleet("org", [Cluster("c", "4.16.1", "4.16.2")]), Now)).Organizations.Single();

        plan.History!.SoakDays("4.16.1", new Workload("wl")).ShouldBeGreaterThan(1.0);
    }
}
