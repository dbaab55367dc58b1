using Aus.Application.Reconcile;
using Aus.Application.Views;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Views;

public sealed class FleetViewBuilderTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void A_soaked_version_of_a_mutex_locked_cluster_is_soaked_not_ready_and_the_holder_is_named()
    {
        var policy = Organization("org", [Policy("a", mutexes: ["db"]), Policy("b", mutexes: ["db"])]);
        OcmCluster[] clusters =
        [
            Cluster("a", "4.15.1", "4.15.2") with { UpgradePolicies = [ExistingPolicy("4.15.2", UpgradePolicyState.Started, Now.AddHours(-2))] },
            Cluster("b", "4.15.1", "4.15.2"),
        ];

        var organization = View(policy, clusters).Environments.Single().Organizations.Single();

        var b = organization.Clusters.Single(c => c.Name == "b");
        b.Reason.ShouldBe("mutex-locked");
        b.Status.ShouldBe(ClusterStatus.Waiting);
        b.Candidates.Single().State.ShouldBe(CandidateState.Soaked);
        organization.MutexHolders.ShouldBe([new MutexHolderView("db", "a", "4.15.2")]);
        var running = organization.InProgress.ShouldHaveSingleItem();
        running.Cluster.ShouldBe("a");
        running.State.ShouldBe(UpgradePolicyState.Started);
        running.StartedHoursAgo.ShouldBe(2);
    }

    [Fact]
    public void Sectors_come_in_dependency_order_with_their_clusters_on_the_newest_version()
    {
        var policy = Organization(
            "org",
            [Policy("s1", sector: "stage"), Policy("s2", sector: "stage"), Policy("b1", sector: "prod-blue"), Policy("g1", sector: "prod-green")],
            [Sector("prod-green", null, "prod-blue"), Sector("prod-blue", null, "stage"), Sector("stage")]);
        OcmCluster[] clusters = [Cluster("s1", "4.16.1"), Cluster("s2", "4.15.1", "4.16.1"), Cluster("b1", "4.15.1", "4.16.1"), Cluster("g1", "4.15.1", "4.16.1")];

        var organization = View(policy, clusters).Environments.Single().Organizations.Single();

        organization.NewestVersion.ShouldBe("4.16.1");
        organization.Sectors.Select(s => (s.Name, s.OnNewest, s.Total)).ShouldBe([("stage", 1, 2), ("prod-blue", 0, 1), ("prod-green", 0, 1)]);
        organization.Sectors[2].DependsOn.ShouldBe(["prod-blue"]);
    }

    [Fact]
    public void A_candidate_shows_its_soak_per_workload_against_the_days_needed()
    {
        var policy = Organization("org", [Policy("c", soakDays: 5, workloads: ["w1", "w2"])]);
        var history = History(Now, ("4.15.2", "w1", 6, []), ("4.15.2", "w2", 2, []));

        var cluster = View(policy, [Cluster("c", "4.15.1", "4.15.2")], history).Environments.Single().Organizations.Single().Clusters.Single();

        cluster.Reason.ShouldBe("soaking");
        cluster.SoakDaysNeeded.ShouldBe(5);
        var candidate = cluster.Candidates.ShouldHaveSingleItem();
        candidate.State.ShouldBe(CandidateState.Soaking);
        candidate.SoakedDays.ShouldBe(2);
        candidate.Workloads.ShouldBe([new WorkloadSoakView("w1", 6, 5), new WorkloadSoakView("w2", 2, 5)]);
    }

    [Fact]
    public void Organizations_are_grouped_by_environment_and_keep_the_decisions_and_errors()
    {
        var staging = Organization("stage-org", [Policy("x")]) with { Environment = new EnvironmentName("staging") };
        var production = Organization("prod-org", [Policy("y")]);
        var plan = PlanMany(
            [Input(staging), Input(production, errors: [new OrganizationMessage("y", "workload wl is not allowed")])],
            new FleetSnapshot([], [new FleetOrganization(new OrganizationId("stage-org"), [Cluster("x", "4.15.1")]), new FleetOrganization(new OrganizationId("prod-org"), [Cluster("y", "4.15.1")])]),
            Now);

        var view = FleetViewBuilder.FromPlan(plan, [staging, production]);

        view.Environments.Select(e => e.Name).ShouldBe(["production", "staging"]);
        var prod = view.Environments[0].Organizations.Single();
        prod.Errors.ShouldBe([new MessageView("y", "workload wl is not allowed")]);
        prod.Clusters.Single().Status.ShouldBe(ClusterStatus.Attention);
        var x = view.Environments[1].Organizations.Single().Clusters.Single();
        (x.Reason, x.Status, x.Version).ShouldBe(("no-upgrades-available", ClusterStatus.Current, "4.15.1"));
    }

    [Fact]
    public void A_pass_counts_its_actions_and_names_each_organization_failure()
    {
        OrganizationOutcome[] outcomes =
        [
            new(new OrganizationId("1"), "good", new EnvironmentName("production")),
            new(new OrganizationId("2"), "bad", new EnvironmentName("production")) { Failure = "OCM answered 503" },
            new(new OrganizationId("3"), "elsewhere", new EnvironmentName("production")) { HeldElsewhere = true },
        ];

        var pass = FleetViewBuilder.Pass(Now, TimeSpan.FromSeconds(3), outcomes);

        pass.Organizations.ShouldBe(2);
        pass.Actions.ShouldBe(0);
        pass.Errors.ShouldBe(["bad (2): OCM answered 503"]);
    }

    private static FleetView View(OrganizationPolicy policy, OcmCluster[] clusters, VersionHistory? history = null)
    {
        var request = new PlanRequest([Input(policy, history)], Fleet(policy.OrgId.Value, clusters), Now) { IncludeReport = true };
        return FleetViewBuilder.FromPlan(FleetPlanner.Plan(request), request);
    }
}
