using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 7: clusters are taken by (version, soakDays), ties in policy-file order.</summary>
public sealed class OrderingTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void LowerVersionGoesFirst_AndWinsTheSharedMutex()
    {
        var plan = PlanOne(
            Organization("org", [Policy("a", mutexes: ["m"]), Policy("b", mutexes: ["m"])]),
            [Cluster("a", "4.16.5", "4.16.9"), Cluster("b", "4.16.3", "4.16.9")],
            Now);

        plan.Clusters.Select(c => c.Name).ShouldBe(["b", "a"]);
        plan.Decision("b").Reason.ShouldBe(Reason.Scheduled);
        plan.Decision("a").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("a").Detail.ShouldBe("mutex m is held by b (upgrading to 4.16.9)");
    }

    [Fact]
    public void SameVersion_LowerSoakDaysGoFirst()
    {
        var history = Build.History(Now, ("4.16.9", "wl", 10, []));
        var plan = PlanOne(
            Organization("org", [Policy("a", soakDays: 3, mutexes: ["m"]), Policy("b", soakDays: 1, mutexes: ["m"]), Policy("c", soakDays: null, mutexes: ["m"])]),
            [Cluster("a", "4.16.5", "4.16.9"), Cluster("b", "4.16.5", "4.16.9"), Cluster("c", "4.16.5", "4.16.9")],
            Now,
            history);

        // An absent soakDays sorts as 0.
        plan.Clusters.Select(c => c.Name).ShouldBe(["c", "b", "a"]);
        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
    }

    [Theory]
    [InlineData("a,b,c")]
    [InlineData("c,a,b")]
    [InlineData("b,c,a")]
    public void Ties_KeepPolicyFileOrder(string order)
    {
        var fileOrder = order.Split(',');
        var plan = PlanOne(
            Organization("org", fileOrder.Select(n => Policy(n, mutexes: ["m"]))),
            [Cluster("a", "4.16.5", "4.16.9"), Cluster("b", "4.16.5", "4.16.9"), Cluster("c", "4.16.5", "4.16.9")],
            Now);

        plan.Clusters.Select(c => c.Name).ShouldBe(fileOrder);
        plan.Decision(fileOrder[0]).Reason.ShouldBe(Reason.Scheduled);
        plan.Actions.OfType<CreateUpgradePolicy>().Single().Cluster.ShouldBe(fileOrder[0]);
    }

    [Fact]
    public void Versions_AreOrderedBySemVerPrecedence()
    {
        var plan = PlanOne(
            Organization("org", [Policy("release"), Policy("rc10"), Policy("patch"), Policy("rc2"), Policy("fc")]),
            [
                Cluster("release", "4.8.0"),
                Cluster("rc10", "4.8.0-rc.10"),
                Cluster("patch", "4.8.1"),
                Cluster("rc2", "4.8.0-rc.2"),
                Cluster("fc", "4.8.0-fc.1"),
            ],
            Now);

        plan.Clusters.Select(c => c.Name).ShouldBe(["fc", "rc2", "rc10", "release", "patch"]);
    }

    [Fact]
    public void Plan_DoesNotDependOnTheOrderOfClustersInTheFleetSnapshot()
    {
        var organization = Organization("org", [Policy("a", mutexes: ["m"]), Policy("b", mutexes: ["m"]), Policy("c", mutexes: ["n"]), Policy("d", mutexes: ["n"])]);
        OcmCluster[] clusters = [Cluster("a", "4.16.5", "4.16.9"), Cluster("b", "4.16.5", "4.16.9"), Cluster("c", "4.16.5", "4.16.9"), Cluster("d", "4.16.5", "4.16.9")];

        var forward = PlanOne(organization, clusters, Now);
        var backward = PlanOne(organization, clusters.Reverse(), Now);

        forward.Decision("a").Reason.ShouldBe(Reason.Scheduled);
        forward.Decision("c").Reason.ShouldBe(Reason.Scheduled);
        PlanText.Of(backward).ShouldBe(PlanText.Of(forward));
    }
}
