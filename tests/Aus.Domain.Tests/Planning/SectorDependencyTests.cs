using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 11.5: a sector waits until the sectors it depends on run the version.</summary>
public sealed class SectorDependencyTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void ProdPicksTheHighestVersionStageRuns()
    {
        var plan = PlanOne(
            Organization("org", [Policy("stage", sector: "stage"), Policy("prod", sector: "prod")], [Sector("stage"), Sector("prod", null, "stage")]),
            [Cluster("stage", "4.12.17"), Cluster("prod", "4.12.15", "4.12.16", "4.12.17", "4.12.19")],
            Now);

        plan.Decision("prod").TargetVersion.ShouldBe("4.12.17");
        plan.Decision("prod").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void DependenciesRecurseThroughSectorsWithoutTheWorkload()
    {
        // s3 -> s2 -> s1; s2 only runs another workload, s1 runs wl on 4.12.16.
        var plan = PlanOne(
            Organization(
                "org",
                [Policy("s1c", sector: "s1"), Policy("s2c", sector: "s2", workloads: ["other"]), Policy("s3c", sector: "s3")],
                [Sector("s1"), Sector("s2", null, "s1"), Sector("s3", null, "s2")]),
            [Cluster("s1c", "4.12.16"), Cluster("s2c", "4.12.10"), Cluster("s3c", "4.12.10", "4.12.16", "4.12.17")],
            Now);

        plan.Decision("s3c").TargetVersion.ShouldBe("4.12.16");
    }

    // The cases the reference tests list, each directly and through an empty middle sector.
    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "2.0.0", "1.2.3" }, true)]
    [InlineData(new[] { "1.0.0", "1.2.3" }, false)]
    [InlineData(new[] { "1.0.0", "1.2.3", "2.0.0" }, false)]
    public void EveryDependencyClusterMustRunAtLeastTheTarget(string[] dependencyVersions, bool passes)
    {
        foreach (var deep in new[] { false, true })
        {
            var dependencyClusters = dependencyVersions.Select((v, i) => (Name: $"dep{i}", Version: v)).ToList();
            Sector[] sectors = deep
                ? [Sector("s1"), Sector("s2", null, "s1"), Sector("s3", null, "s2")]
                : [Sector("s1"), Sector("s3", null, "s1")];
            var plan = PlanOne(
                Organization("org", dependencyClusters.Select(d => Policy(d.Name, sector: "s1")).Append(Policy("c", sector: "s3")), sectors),
                dependencyClusters.Select(d => Cluster(d.Name, d.Version)).Append(Cluster("c", "0.9.0", "1.2.3")),
                Now);

            plan.Decision("c").Reason.ShouldBe(passes ? Reason.Scheduled : Reason.SectorDependency, $"deep: {deep}");
        }
    }

    [Fact]
    public void NoDependencies_Pass()
    {
        var plan = PlanOne(Organization("org", [Policy("c", sector: "s")], [Sector("s")]), [Cluster("c", "4.12.1", "4.12.2")], Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void SectorsAreWorkloadAware()
    {
        var plan = PlanOne(
            Organization("org", [Policy("stage", sector: "stage", workloads: ["a"]), Policy("prod", sector: "prod", workloads: ["b"])], [Sector("stage"), Sector("prod", null, "stage")]),
            [Cluster("stage", "4.12.1"), Cluster("prod", "4.12.1", "4.12.9")],
            Now);

        plan.Decision("prod").TargetVersion.ShouldBe("4.12.9");
    }

    [Fact]
    public void EveryWorkloadOfThePolicyIsChecked()
    {
        var plan = PlanOne(
            Organization(
                "org",
                [Policy("stage-a", sector: "stage", workloads: ["a"]), Policy("stage-b", sector: "stage", workloads: ["b"]), Policy("prod", sector: "prod", workloads: ["a", "b"])],
                [Sector("stage"), Sector("prod", null, "stage")]),
            [Cluster("stage-a", "4.12.9"), Cluster("stage-b", "4.12.5"), Cluster("prod", "4.12.1", "4.12.5", "4.12.9")],
            Now);

        plan.Decision("prod").TargetVersion.ShouldBe("4.12.5");
    }

    [Fact]
    public void SeveralDirectDependencies_MustAllRunTheTarget()
    {
        var plan = PlanOne(
            Organization(
                "org",
                [Policy("x", sector: "x"), Policy("y", sector: "y"), Policy("prod", sector: "prod")],
                [Sector("x"), Sector("y"), Sector("prod", null, "x", "y")]),
            [Cluster("x", "4.12.9"), Cluster("y", "4.12.5"), Cluster("prod", "4.12.1", "4.12.5", "4.12.9")],
            Now);

        plan.Decision("prod").TargetVersion.ShouldBe("4.12.5");
    }

    [Fact]
    public void DependencyClustersCount_WhateverTheirHealthOrPendingUpgrade_ByControlPlaneVersion()
    {
        var unhealthy = new HealthError("telemeter", "Down", Enforce: true);
        var plan = PlanOne(
            Organization(
                "org",
                [Policy("sick", sector: "stage"), Policy("pending", sector: "stage"), Policy("hcp", sector: "stage"), Policy("prod", sector: "prod")],
                [Sector("stage"), Sector("prod", null, "stage")]),
            [
                Cluster("sick", "4.12.9") with { HealthErrors = [unhealthy] },
                Cluster("pending", "4.12.9") with { UpgradePolicies = [ExistingPolicy("4.12.10")] },
                Hcp("hcp", "4.12.9", [], ("pool", "4.12.1")),
                Cluster("prod", "4.12.1", "4.12.9", "4.12.10"),
            ],
            Now);

        plan.Decision("prod").TargetVersion.ShouldBe("4.12.9");
    }

    [Fact]
    public void PlannedUpgradesOfThisPassDoNotCount()
    {
        // stage is scheduled to 4.12.9 in this pass, but still runs 4.12.1.
        var plan = PlanOne(
            Organization("org", [Policy("stage", sector: "stage"), Policy("prod", sector: "prod")], [Sector("stage"), Sector("prod", null, "stage")]),
            [Cluster("stage", "4.12.1", "4.12.9"), Cluster("prod", "4.12.1", "4.12.9")],
            Now);

        plan.Decision("stage").TargetVersion.ShouldBe("4.12.9");
        plan.Decision("prod").Reason.ShouldBe(Reason.SectorDependency);
    }

    [Fact]
    public void WaitingForADependency_DetailNamesTheLowestCluster()
    {
        var plan = PlanOne(
            Organization(
                "org",
                [Policy("stage-1", sector: "stage"), Policy("stage-2", sector: "stage"), Policy("prod-1", sector: "prod-blue")],
                [Sector("stage"), Sector("prod-blue", null, "stage")]),
            [Cluster("stage-1", "4.16.9"), Cluster("stage-2", "4.16.8"), Cluster("prod-1", "4.16.7", "4.16.9")],
            Now);

        var decision = plan.Decision("prod-1");
        decision.Reason.ShouldBe(Reason.SectorDependency);
        decision.Detail.ShouldBe("sector prod-blue waits for stage: stage-2 runs 4.16.8 < 4.16.9");
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void ClustersWithoutASector_AreNotHeldByDependencies()
    {
        var plan = PlanOne(
            Organization("org", [Policy("stage", sector: "stage"), Policy("free")], [Sector("stage")]),
            [Cluster("stage", "4.12.1"), Cluster("free", "4.12.1", "4.12.9")],
            Now);

        plan.Decision("free").TargetVersion.ShouldBe("4.12.9");
    }
}
