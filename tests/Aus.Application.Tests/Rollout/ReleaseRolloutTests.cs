using Aus.Application.Ports;
using Aus.Application.Reconcile;
using Aus.Application.Rollout;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Rollout;

public sealed class ReleaseRolloutTests
{
    private static readonly DateTimeOffset Start = At("2026-11-23T12:00:00Z");

    private static readonly Dictionary<string, ClusterPolicy> Policies = new(StringComparer.Ordinal)
    {
        ["offered"] = Policy("offered", workloads: ["api", "web"]),
        ["there"] = Policy("there"),
        ["other-channel"] = Policy("other-channel"),
    };

    private static ReleaseRollout Rollout() => new(
        V("4.16.10"),
        Policies,
        [
            Cluster("offered", "4.16.8", "4.16.9", "4.16.10"),
            Cluster("there", "4.16.10"),
            Cluster("other-channel", "4.16.8", "4.16.9"),
            Cluster("no-policy", "4.16.8", "4.16.10"),
        ],
        Start);

    private static UpgradeTransition Transition(string cluster, string version, UpgradeTransitionState state, int minutes) =>
        new(Start.AddMinutes(minutes), cluster, version, state);

    [Fact]
    public void TheReleaseIsOfferedToClustersThatCanUpgradeToIt_OrRunItAlready_AmongThoseWithAPolicy()
    {
        var rollout = Rollout();

        rollout.IsInScope("offered").ShouldBeTrue();
        rollout.IsInScope("there").ShouldBeTrue();
        rollout.IsInScope("other-channel").ShouldBeFalse();
        rollout.IsInScope("no-policy").ShouldBeFalse();
        rollout.ReachedAt("there").ShouldBe(Start);
        rollout.FromVersion("offered").ShouldBe("4.16.8");
    }

    [Fact]
    public void TheRolloutIsOver_WhenEveryClusterItIsOfferedTo_RunsIt()
    {
        var rollout = Rollout();
        rollout.Converged.ShouldBeFalse();

        rollout.Track(Transition("offered", "4.16.10", UpgradeTransitionState.Started, 10));
        rollout.Converged.ShouldBeFalse();
        rollout.UpgradingTo("offered").ShouldBe("4.16.10");

        rollout.Track(Transition("offered", "4.16.10", UpgradeTransitionState.Completed, 100));
        rollout.Converged.ShouldBeTrue();
        rollout.StartedAt("offered").ShouldBe(Start.AddMinutes(10));
        rollout.ReachedAt("offered").ShouldBe(Start.AddMinutes(100));
        rollout.VersionOf("offered").ShouldBe("4.16.10");
        rollout.UpgradingTo("offered").ShouldBeNull();
    }

    [Fact]
    public void AnUpgradeToAnOlderVersion_DoesNotCountAsTheRelease_ButMovesTheVersion()
    {
        var rollout = Rollout();

        rollout.Track(Transition("offered", "4.16.9", UpgradeTransitionState.Started, 10));
        rollout.Track(Transition("offered", "4.16.9", UpgradeTransitionState.Completed, 100));

        rollout.StartedAt("offered").ShouldBeNull();
        rollout.ReachedAt("offered").ShouldBeNull();
        rollout.VersionOf("offered").ShouldBe("4.16.9");
    }

    [Fact]
    public void NodePoolAndAddonUpgrades_AreNotTheClustersOwn()
    {
        var rollout = Rollout();

        rollout.Track(Transition("offered", "4.16.10", UpgradeTransitionState.Completed, 10) with { NodePool = "workers" });
        rollout.Track(Transition("offered", "4.16.10", UpgradeTransitionState.Completed, 20) with { Addon = "logging" });

        rollout.ReachedAt("offered").ShouldBeNull();
        rollout.Converged.ShouldBeFalse();
    }

    [Fact]
    public void AFailedUpgrade_IsNoLongerInProgress_AndReachesNothing()
    {
        var rollout = Rollout();

        rollout.Track(Transition("offered", "4.16.10", UpgradeTransitionState.Started, 10));
        rollout.Track(Transition("offered", "4.16.10", UpgradeTransitionState.Ended, 40));

        rollout.UpgradingTo("offered").ShouldBeNull();
        rollout.StartedAt("offered").ShouldBe(Start.AddMinutes(10));
        rollout.ReachedAt("offered").ShouldBeNull();
    }

    [Fact]
    public void NoClusterOffered_IsNeverConverged()
    {
        var rollout = new ReleaseRollout(V("4.17.1"), Policies, [Cluster("offered", "4.16.8", "4.16.9")], Start);

        rollout.Converged.ShouldBeFalse();
    }

    [Fact]
    public void ScheduledRelease_RecordsTheLowestSoakOfTheClustersWorkloads_OnlyForAnAppliedClusterPolicyToTheRelease()
    {
        var rollout = Rollout();
        var history = History(Start, ("4.16.10", "api", 3.5, []), ("4.16.10", "web", 1.25, []));
        var plan = new OrganizationPlan { OrgId = new OrganizationId("org"), Name = "org", History = history };
        var create = new CreateUpgradePolicy("offered", new ClusterId("id-offered"), UpgradePolicyKind.ControlPlane, V("4.16.10"), Start);
        var refused = create with { Cluster = "there" };
        var addon = create with { Cluster = "other-channel", Addon = "logging" };
        var outcome = new OrganizationOutcome(new OrganizationId("org"), "org", new EnvironmentName("production"))
        {
            Plan = plan,
            Results = [new ActionResult(create, ActionOutcome.Applied), new ActionResult(refused, ActionOutcome.Refused), new ActionResult(addon, ActionOutcome.Applied)],
        };

        rollout.Record(outcome);

        rollout.SoakDaysWhenScheduled("offered").ShouldBe(1.25);
        rollout.SoakDaysWhenScheduled("there").ShouldBeNull();
        rollout.SoakDaysWhenScheduled("other-channel").ShouldBeNull();
    }

    [Fact]
    public void SoakPerWorkload_IsTheHighestOverTheOrganizationsHistories()
    {
        var rollout = Rollout();
        var one = new OrganizationPlan { OrgId = new OrganizationId("a"), Name = "a", History = History(Start, ("4.16.10", "api", 2, []), ("4.16.10", "wl", 1, [])) };
        var two = new OrganizationPlan { OrgId = new OrganizationId("b"), Name = "b", History = History(Start, ("4.16.10", "api", 4, []), ("4.16.9", "web", 9, [])) };

        var soak = rollout.Soak([one, two]);

        soak.ShouldBe(new Dictionary<string, double> { ["api"] = 4, ["web"] = 0, ["wl"] = 1 });
    }
}
