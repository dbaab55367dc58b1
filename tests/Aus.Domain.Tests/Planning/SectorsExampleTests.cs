using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.TestKit;
using Aus.Domain.Versions;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>
/// examples/sectors-org.yaml, sectors-fleet.yaml and sectors-history.json at 2026-11-23T12:00:00Z,
/// a Monday. Expected, from reference-behaviour.md:
/// - check-in: one hour since 11:00, so 4.16.8 gains 3/24 (stage-1, prod-1, prod-2 report it) and
///   4.16.9 gains 1/24 (stage-2); prod-3 and prod-4 only register on 4.16.7.
/// - order (version, soakDays): prod-3, prod-4 (4.16.7), stage-1 (4.16.8, 0), prod-1, prod-2
///   (4.16.8, 7), stage-2 (4.16.9).
/// - schedule "0 * * * *": the next slot is 13:00, within the window for everyone.
/// - 4.16.10-rc.1 is blocked by the organization's ^.*-rc\..*$ everywhere.
/// - prod-3: 4.16.9 fails (prod-green waits for prod-blue, whose lowest cluster prod-1 runs
///   4.16.8); 4.16.8 passes (prod-blue runs it, 30.125 days soaked ≥ 7): scheduled to 4.16.8.
/// - prod-4: green-mutex is held by prod-3.
/// - stage-1: no dependencies, soakDays 0: scheduled to 4.16.9.
/// - prod-1, prod-2: 4.16.9 fails as stage-1 still runs 4.16.8 (planned upgrades do not count);
///   no other candidate: sector-dependency. blue-mutex stays free as nobody took it.
/// - stage-2: its only upgrade is the blocked release candidate.
/// </summary>
public sealed class SectorsExampleTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static OrganizationPolicy SectorsOrg()
    {
        ClusterPolicy Member(string name, int soakDays, string sector, string? mutex) =>
            Policy(name, soakDays: soakDays, schedule: "0 * * * *", workloads: ["my-service"], sector: sector, mutexes: mutex is null ? null : [mutex]);

        return Organization(
            "org-sectors",
            [
                Member("stage-1", 0, "stage", null),
                Member("stage-2", 0, "stage", null),
                Member("prod-1", 7, "prod-blue", "blue-mutex"),
                Member("prod-2", 7, "prod-blue", "blue-mutex"),
                Member("prod-3", 7, "prod-green", "green-mutex"),
                Member("prod-4", 7, "prod-green", "green-mutex"),
            ],
            [Sector("stage"), Sector("prod-blue", null, "stage"), Sector("prod-green", null, "prod-blue")],
            blocked: ["^.*-rc\\..*$"]) with
        {
            Name = "sectors-org",
            AllowedWorkloads = [new Workload("my-service")],
            AllowedMutexes = [new MutexName("blue-mutex"), new MutexName("green-mutex")],
        };
    }

    private static OcmCluster[] SectorsFleet() =>
    [
        Cluster("stage-1", "4.16.8", "4.16.9", "4.16.10-rc.1"),
        Cluster("stage-2", "4.16.9", "4.16.10-rc.1"),
        Cluster("prod-1", "4.16.8", "4.16.9", "4.16.10-rc.1"),
        Cluster("prod-2", "4.16.8", "4.16.9", "4.16.10-rc.1"),
        Cluster("prod-3", "4.16.7", "4.16.8", "4.16.9", "4.16.10-rc.1"),
        Cluster("prod-4", "4.16.7", "4.16.8", "4.16.9", "4.16.10-rc.1"),
    ];

    private static Aus.Domain.History.VersionHistory SectorsHistory() => Build.History(
        At("2026-11-23T11:00:00Z"),
        ("4.16.8", "my-service", 30.0, ["stage-1", "prod-1", "prod-2"]),
        ("4.16.9", "my-service", 8.5, ["stage-2"]));

    [Fact]
    public void EveryClusterGetsTheDecisionTheSpecGives()
    {
        var plan = PlanOne(SectorsOrg(), SectorsFleet(), Now, SectorsHistory());

        plan.Errors.ShouldBeEmpty();
        plan.Warnings.ShouldBeEmpty();
        plan.Clusters.Select(c => (c.Name, c.Decision, c.Reason, c.TargetVersion, c.NextRun, c.Detail)).ShouldBe(
        [
            ("prod-3", Decision.Upgrade, Reason.Scheduled, "4.16.8", At("2026-11-23T13:00:00Z"),
                "upgrade to 4.16.8 at 2026-11-23T13:00:00Z: the highest version that meets every condition"),
            ("prod-4", Decision.Skip, Reason.MutexLocked, null, null, "mutex green-mutex is held by prod-3 (upgrading to 4.16.8)"),
            ("stage-1", Decision.Upgrade, Reason.Scheduled, "4.16.9", At("2026-11-23T13:00:00Z"),
                "upgrade to 4.16.9 at 2026-11-23T13:00:00Z: the highest version that meets every condition"),
            ("prod-1", Decision.Skip, Reason.SectorDependency, null, null, "sector prod-blue waits for stage: stage-1 runs 4.16.8 < 4.16.9"),
            ("prod-2", Decision.Skip, Reason.SectorDependency, null, null, "sector prod-blue waits for stage: stage-1 runs 4.16.8 < 4.16.9"),
            ("stage-2", Decision.Skip, Reason.Blocked, null, null, "every available upgrade is blocked: 4.16.10-rc.1 by ^.*-rc\\..*$"),
        ]);
        plan.Clusters.ShouldAllBe(c => c.Version != null);
    }

    [Fact]
    public void TheActionsAreTheTwoUpgrades()
    {
        var plan = PlanOne(SectorsOrg(), SectorsFleet(), Now, SectorsHistory());

        plan.Actions.ShouldBe(
        [
            new CreateUpgradePolicy("prod-3", new ClusterId("id-prod-3"), UpgradePolicyKind.Cluster, OpenShiftVersion.Parse("4.16.8"), At("2026-11-23T13:00:00Z")),
            new CreateUpgradePolicy("stage-1", new ClusterId("id-stage-1"), UpgradePolicyKind.Cluster, OpenShiftVersion.Parse("4.16.9"), At("2026-11-23T13:00:00Z")),
        ]);
    }

    [Fact]
    public void TheHistoryIsCheckedIn()
    {
        var history = PlanOne(SectorsOrg(), SectorsFleet(), Now, SectorsHistory()).History.ShouldNotBeNull();

        var service = new Workload("my-service");
        history.CheckIn.ShouldBe(Now);
        history.SoakDays("4.16.8", service).ShouldBe(30.0 + (3.0 / 24), tolerance: 1e-9);
        history.SoakDays("4.16.9", service).ShouldBe(8.5 + (1.0 / 24), tolerance: 1e-9);
        history.Versions["4.16.7"][service].Reporting.ShouldBe(["prod-3", "prod-4"]);
        history.SoakDays("4.16.7", service).ShouldBe(0);
        history.Stats.ShouldNotBeNull().MinVersion.ShouldBe(V("4.16.7"));
    }

    [Fact]
    public void AnHourLater_WithThePoliciesInOcm_ProdGreenWaitsAndNothingNewIsPlanned()
    {
        var first = PlanOne(SectorsOrg(), SectorsFleet(), Now, SectorsHistory());
        var applied = SectorsFleet().Select(c => first.Actions.OfType<CreateUpgradePolicy>().FirstOrDefault(a => a.Cluster == c.Name) is { } created
            ? c with { UpgradePolicies = [ExistingPolicy(created.Version.ToString(), nextRun: created.NextRun)] }
            : c);

        var second = PlanOne(SectorsOrg(), applied, Now, first.History);

        second.Actions.ShouldBeEmpty();
        second.Decision("prod-3").Reason.ShouldBe(Reason.UpgradeInProgress);
        second.Decision("prod-4").Reason.ShouldBe(Reason.MutexLocked);
        second.Decision("stage-1").Reason.ShouldBe(Reason.UpgradeInProgress);
    }
}
