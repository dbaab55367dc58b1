using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>
/// A condition's sentence is written when it is first read, and a plan's evaluations stop at the
/// first check that fails: neither may change a word of what is reported.
/// </summary>
public sealed class ConditionTextTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void ALazyCondition_ReadsAsTheSentenceWrittenAtOnce()
    {
        var version = V("4.16.2");
        var eager = new Condition(Reason.Soaking, false, PlanningMessages.Soak(version, 1.5, 7, new Workload("wl")));

        var lazy = Condition.Lazy(Reason.Soaking, false, (version, 1.5, 7, new Workload("wl")), static f => PlanningMessages.Soak(f.version, f.Item2, f.Item3, f.Item4));

        lazy.Detail.ShouldBe("4.16.2 has soaked 1.50 of 7 days for workload wl");
        lazy.ShouldBe(eager);
        lazy.GetHashCode().ShouldBe(eager.GetHashCode());
        lazy.ToString().ShouldBe(eager.ToString());
        lazy.ToString().ShouldBe("Condition { FailureReason = Soaking, Holds = False, Detail = 4.16.2 has soaked 1.50 of 7 days for workload wl }");
        (lazy == eager).ShouldBeTrue();
        var (reason, holds, detail) = lazy;
        (reason, holds, detail).ShouldBe((Reason.Soaking, false, "4.16.2 has soaked 1.50 of 7 days for workload wl"));
    }

    [Fact]
    public void ConditionsDifferingInAnyValue_AreNotEqual()
    {
        var condition = new Condition(Reason.Soaking, false, "text");

        condition.ShouldNotBe(new Condition(Reason.Soaking, true, "text"));
        condition.ShouldNotBe(new Condition(Reason.SectorDependency, false, "text"));
        condition.ShouldNotBe(Condition.Lazy(Reason.Soaking, false, "other", static t => t));
        (condition != new Condition(Reason.Soaking, false, "other")).ShouldBeTrue();
        (condition == null).ShouldBeFalse();
    }

    [Fact]
    public void TheExplainedCluster_GetsEveryCondition_WhereItsNeighbourStoppedAtTheFirstFailure()
    {
        // Both prod clusters share a profile, and 4.16.2 is above what the stage organization runs:
        // the plan stops at that failure, the explanation goes on to the soak of each workload.
        var stage = Organization("stage-org", [Policy("s1")]) with { PublishVersionData = [new OrganizationId("prod-org")] };
        var prod = Organization("prod-org", [Policy("p1", sector: "prod", soakDays: 7), Policy("p2", sector: "prod", soakDays: 7)], [Sector("prod")])
            with { InheritVersionData = [new InheritedOrganization(new OrganizationId("stage-org"), null)] };
        var request = new PlanRequest(
            [Input(stage), Input(prod, Build.History(Now, ("4.16.2", "wl", 9, [])))],
            new([], [new(new OrganizationId("stage-org"), [Cluster("s1", "4.16.1")]), new(new OrganizationId("prod-org"), [Cluster("p1", "4.16.1", "4.16.2"), Cluster("p2", "4.16.1", "4.16.2")])]),
            Now);

        var plain = FleetPlanner.Plan(request);
        var explained = FleetPlanner.Plan(request with { ExplainCluster = "p2" });

        var decision = plain.Organizations[1].Clusters.Single(c => c.Name == "p2");
        decision.Reason.ShouldBe(Reason.InheritedVersionData);
        decision.Detail.ShouldBe("4.16.2 is above 4.16.1, the lowest version the inherited organizations run for workload wl");
        explained.Organizations[1].Clusters.ShouldBe(plain.Organizations[1].Clusters);
        var candidate = explained.Explanation.ShouldNotBeNull().Candidates.ShouldHaveSingleItem();
        candidate.Conditions.Select(c => (c.FailureReason, c.Holds, c.Detail)).ShouldBe(
        [
            (Reason.InheritedVersionData, false, "4.16.2 is above 4.16.1, the lowest version the inherited organizations run for workload wl"),
            (Reason.Soaking, true, "4.16.2 has soaked 9.00 of 7 days for workload wl"),
        ]);
    }
}
