using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>
/// Clusters of a pass share the evaluation of a candidate only when everything it depends on is the
/// same: each of these pairs differs in one such thing, and must be judged apart.
/// </summary>
public sealed class SharedEvaluationTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void ClusterBlockedVersions_AreNotSharedWithAnIdenticalNeighbour()
    {
        var plan = PlanOne(
            Organization("org", [Policy("a"), Policy("b", blocked: ["^4\\.16\\.3$"])]),
            [Cluster("a", "4.16.1", "4.16.2", "4.16.3"), Cluster("b", "4.16.1", "4.16.2", "4.16.3")],
            Now);

        plan.Decision("a").TargetVersion.ShouldBe("4.16.3");
        plan.Decision("b").TargetVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void ClustersBlockingDifferentVersions_ShareTheVerdictOnTheOthers()
    {
        var history = Aus.TestKit.Build.History(Now, ("4.16.4", "wl", 2.0, []), ("4.16.3", "wl", 9.0, []), ("4.16.2", "wl", 9.0, []));
        string[] offered = ["4.16.2", "4.16.3", "4.16.4"];

        var plan = PlanOne(
            Organization("org", [Policy("a", soakDays: 7, blocked: ["^4\\.16\\.3$"]), Policy("b", soakDays: 7, blocked: ["^4\\.16\\.2$"]), Policy("c", soakDays: 7, blocked: ["^4\\.16\\.[23]$"])]),
            [Cluster("a", "4.16.1", offered), Cluster("b", "4.16.1", offered), Cluster("c", "4.16.1", offered)],
            Now,
            history);

        plan.Decision("a").TargetVersion.ShouldBe("4.16.2");
        plan.Decision("b").TargetVersion.ShouldBe("4.16.3");
        plan.Decision("c").Reason.ShouldBe(Reason.Soaking);
        plan.Decision("c").Detail.ShouldBe("4.16.4 has soaked 2.00 of 7 days for workload wl");
    }

    [Fact]
    public void SoakDays_AreNotSharedWithAnIdenticalNeighbour()
    {
        var history = Aus.TestKit.Build.History(Now, ("4.16.3", "wl", 2.0, []), ("4.16.2", "wl", 9.0, []));

        var plan = PlanOne(
            Organization("org", [Policy("a", soakDays: 1), Policy("b", soakDays: 7)]),
            [Cluster("a", "4.16.1", "4.16.2", "4.16.3"), Cluster("b", "4.16.1", "4.16.2", "4.16.3")],
            Now,
            history);

        plan.Decision("a").TargetVersion.ShouldBe("4.16.3");
        plan.Decision("b").TargetVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void Workloads_AreNotSharedWithAnIdenticalNeighbour()
    {
        var history = Aus.TestKit.Build.History(Now, ("4.16.3", "wl", 9.0, []), ("4.16.3", "other", 0.0, []), ("4.16.2", "other", 9.0, []));

        var plan = PlanOne(
            Organization("org", [Policy("a", soakDays: 7), Policy("b", soakDays: 7, workloads: ["other"])]),
            [Cluster("a", "4.16.1", "4.16.2", "4.16.3"), Cluster("b", "4.16.1", "4.16.2", "4.16.3")],
            Now,
            history);

        plan.Decision("a").TargetVersion.ShouldBe("4.16.3");
        plan.Decision("b").TargetVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void Sectors_AreNotSharedWithAnIdenticalNeighbour()
    {
        var plan = PlanOne(
            Organization(
                "org",
                [Policy("stage", sector: "stage"), Policy("a", sector: "canary"), Policy("b", sector: "prod")],
                [Sector("stage"), Sector("canary"), Sector("prod", null, "stage")]),
            [Cluster("stage", "4.16.2"), Cluster("a", "4.16.1", "4.16.2", "4.16.3"), Cluster("b", "4.16.1", "4.16.2", "4.16.3")],
            Now);

        plan.Decision("a").TargetVersion.ShouldBe("4.16.3");
        plan.Decision("b").TargetVersion.ShouldBe("4.16.2");
        plan.Decision("b").Detail.ShouldStartWith("upgrade to 4.16.2");
    }

    [Fact]
    public void VersionsDifferingOnlyInBuildMetadata_AreJudgedApart()
    {
        var history = Aus.TestKit.Build.History(Now, ("4.16.2", "wl", 9.0, []));

        var plan = PlanOne(
            Organization("org", [Policy("a", soakDays: 7), Policy("b", soakDays: 7)]),
            [Cluster("a", "4.16.1", "4.16.2+build.1"), Cluster("b", "4.16.1", "4.16.2")],
            Now,
            history);

        plan.Decision("a").Reason.ShouldBe(Reason.Soaking);
        plan.Decision("b").TargetVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void AnEvaluationShared_GivesEachClusterItsOwnDecision()
    {
        var plan = PlanOne(
            Organization("org", [Policy("a", blocked: ["^4\\.16\\.3$"]), Policy("b", blocked: ["^4\\.16\\.3$"])]),
            [Cluster("a", "4.16.1", "4.16.3"), Cluster("b", "4.16.2", "4.16.3")],
            Now);

        plan.Decision("a").Reason.ShouldBe(Reason.Blocked);
        plan.Decision("a").Version.ShouldBe("4.16.1");
        plan.Decision("b").Reason.ShouldBe(Reason.Blocked);
        plan.Decision("b").Version.ShouldBe("4.16.2");
        plan.Decision("b").Detail.ShouldBe("every available upgrade is blocked: 4.16.3 by ^4\\.16\\.3$");
    }
}
