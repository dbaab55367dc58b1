using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.TestKit;
using CsCheck;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>Safety controls only ever hold clusters back, and controls that cover nothing change nothing.</summary>
public sealed class SafetyControlsPropertyTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");
    private static readonly string[] Versions = ["4.16.0", "4.16.1", "4.16.2", "4.16.3", "4.17.0", "4.17.1"];
    private static readonly string[] Schedules = ["* * * * *", "0 13 * * *", "30 12 * * *", "0 0 1 1 *"];

    /// <summary>Per cluster: version index, available-upgrade bits, sector, schedule, existing policy, mutex.</summary>
    private static readonly Gen<int[][]> Fleets = Gen.Int[0, 1000].Array[6].Array[1, 8];

    private static OrganizationPolicy Organization(int[][] clusters, bool requireApproval = false) => Build.Organization(
        "org",
        clusters.Select((a, i) => Policy($"c{i}", schedule: Schedules[a[3] % Schedules.Length], sector: $"s{a[2] % 2}", mutexes: a[5] % 3 == 0 ? ["m"] : [])),
        [Sector("s0"), Sector("s1", null, "s0") with { RequireApproval = requireApproval }]);

    private static IEnumerable<OcmCluster> Fleet(int[][] clusters) => clusters.Select((a, i) =>
    {
        var index = a[0] % 4;
        var cluster = Cluster($"c{i}", Versions[index], [.. Versions.Where((_, j) => j > index && ((a[1] >> j) & 1) == 1)]);
        return a[4] % 6 == 0 ? cluster with { UpgradePolicies = [ExistingPolicy(Versions[index + 1])] } : cluster;
    });

    private static OrganizationPlan Plan(OrganizationPolicy organization, int[][] clusters, RolloutControls controls) =>
        FleetPlanner.Plan(new PlanRequest([new OrganizationInput { Policy = organization, Controls = controls }], Build.Fleet("org", Fleet(clusters)), Now))
            .Organizations.Single();

    /// <summary>Controls that are present but cover nothing: expired or foreign pauses, halts and approvals of versions nobody is offered, a past freeze.</summary>
    private static readonly RolloutControls Inert = new()
    {
        Pauses =
        [
            new RolloutPause { Scope = PauseScope.Organization, Until = Now.AddMinutes(-1) },
            new RolloutPause { Scope = PauseScope.Sector, Target = "no-such-sector" },
            new RolloutPause { Scope = PauseScope.Cluster, Target = "no-such-cluster" },
            new RolloutPause { Scope = PauseScope.Version, Target = "9.9.9" },
            new RolloutPause { Scope = PauseScope.Organization, Until = Now.AddMinutes(-1), CancelScheduled = true },
            new RolloutPause { Scope = PauseScope.Cluster, Target = "no-such-cluster", CancelScheduled = true },
            new RolloutPause { Scope = PauseScope.Version, Target = "9.9.9", CancelScheduled = true },
        ],
        Approvals = [new RolloutApproval("s1", "4.16.1")],
        HaltedVersions = ["9.9.8"],
    };

    [Fact]
    public void EmptyControls_NeverChangeAPlan()
    {
        Fleets.Sample(clusters =>
        {
            var organization = Organization(clusters);
            var without = FleetPlanner.Plan(new PlanRequest([new OrganizationInput { Policy = organization }], Build.Fleet("org", Fleet(clusters)), Now)).Organizations.Single();

            PlanText.Of(Plan(organization, clusters, RolloutControls.Empty)).ShouldBe(PlanText.Of(without));
            PlanText.Of(Plan(organization with { Freezes = [FreezeWindow.Fixed("past", Now.AddDays(-2), Now.AddDays(-1))] }, clusters, Inert)).ShouldBe(PlanText.Of(without));
        }, iter: 300);
    }

    [Fact]
    public void AnOrganizationPause_CreatesNoPolicy_AndLeavesPoliciesInOcmInProgress()
    {
        var pause = new RolloutControls { Pauses = [new RolloutPause { Scope = PauseScope.Organization }] };
        Fleets.Sample(clusters =>
        {
            var plan = Plan(Organization(clusters), clusters, pause);

            plan.Actions.OfType<CreateUpgradePolicy>().ShouldBeEmpty();
            plan.Clusters.ShouldAllBe(c => c.Reason == Reason.Paused || c.Reason == Reason.UpgradeInProgress);
        }, iter: 200);
    }

    [Fact]
    public void ACancellingOrganizationPause_DeletesExactlyThePoliciesNotStarted_AndCreatesNone()
    {
        var pause = new RolloutControls { Pauses = [new RolloutPause { Scope = PauseScope.Organization, CancelScheduled = true }] };
        Fleets.Sample(clusters =>
        {
            var fleet = Fleet(clusters).ToList();
            var plan = Plan(Organization(clusters), clusters, pause);

            plan.Actions.OfType<CreateUpgradePolicy>().ShouldBeEmpty();
            plan.Actions.OfType<DeleteUpgradePolicy>().Select(d => d.Cluster)
                .ShouldBe(fleet.Where(c => c.UpgradePolicies.Any(p => p.State == UpgradePolicyState.Scheduled)).Select(c => c.Name), ignoreOrder: true);
            plan.Clusters.ShouldAllBe(c => c.Reason == Reason.Paused);
        }, iter: 200);
    }

    [Fact]
    public void HaltedVersions_AreNeverTargeted()
    {
        Gen.Select(Fleets, Gen.Int[0, Versions.Length - 1]).Sample((clusters, halted) =>
        {
            var plan = Plan(Organization(clusters), clusters, new RolloutControls { HaltedVersions = [Versions[halted]] });

            plan.Actions.OfType<CreateUpgradePolicy>().ShouldNotContain(a => a.Version.ToString() == Versions[halted]);
            plan.Clusters.Where(d => d.Reason == Reason.VersionHalted).ShouldAllBe(d => d.Detail.StartsWith(Versions[halted] + " is halted", StringComparison.Ordinal));
        }, iter: 200);
    }

    [Fact]
    public void RequiringApproval_WithEveryVersionApproved_ChangesNoDecision()
    {
        var everything = new RolloutControls { Approvals = [.. Versions.Select(v => new RolloutApproval("s1", v))] };
        Fleets.Sample(clusters =>
        {
            var plain = Plan(Organization(clusters), clusters, RolloutControls.Empty);
            var approved = Plan(Organization(clusters, requireApproval: true), clusters, everything);

            approved.Clusters.Select(c => (c.Name, c.Reason, c.TargetVersion)).ShouldBe(plain.Clusters.Select(c => (c.Name, c.Reason, c.TargetVersion)));
        }, iter: 200);
    }
}
