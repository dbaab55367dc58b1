using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 11.4: mutexes and a sector's maxParallelUpgrades.</summary>
public sealed class CapacityTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    /// <summary>
    /// A sector of <paramref name="clusters"/> clusters sharing mutex m, of which the first
    /// <paramref name="ongoing"/> already have an upgrade policy in OCM.
    /// </summary>
    private static OrganizationPlan SharedMutexSector(string? limit, int clusters, int ongoing)
    {
        var names = Enumerable.Range(1, clusters).Select(i => $"c{i}").ToList();
        var organization = Organization("org", names.Select(n => Policy(n, mutexes: ["m"], sector: "s")), [Sector("s", limit)]);
        var fleet = names.Select((n, i) => i < ongoing
            ? Cluster(n, "4.16.1", "4.16.2") with { UpgradePolicies = [ExistingPolicy("4.16.2")] }
            : Cluster(n, "4.16.1", "4.16.2"));
        return PlanOne(organization, fleet, Now);
    }

    // Every row of the tests listed in 11.4.
    [Theory]
    [InlineData("50%", 5, 1, true)]
    [InlineData("50%", 5, 2, false)]
    [InlineData("50%", 6, 2, true)]
    [InlineData("50%", 6, 3, false)]
    [InlineData("2%", 5, 1, false)]
    [InlineData("33%", 5, 1, true)]
    [InlineData("33%", 5, 2, false)]
    [InlineData("100%", 6, 5, true)]
    [InlineData("1", 5, 0, true)]
    [InlineData("1", 5, 1, false)]
    [InlineData("2", 5, 1, true)]
    [InlineData("2", 5, 2, false)]
    [InlineData(null, 5, 0, true)]
    [InlineData(null, 5, 1, false)]
    public void FirstFreeCluster_IsScheduledOnlyBelowTheLimit(string? limit, int clusters, int ongoing, bool allowed)
    {
        var plan = SharedMutexSector(limit, clusters, ongoing);

        var first = plan.Decision($"c{ongoing + 1}");
        first.Reason.ShouldBe(allowed ? Reason.Scheduled : limit is null ? Reason.MutexLocked : Reason.SectorParallelLimit);
    }

    [Theory]
    [InlineData("50%", 4, 2)]
    [InlineData(null, 4, 1)]
    [InlineData("100%", 4, 4)]
    [InlineData("3", 4, 3)]
    [InlineData("33%", 5, 2)]
    public void SharedMutex_SchedulesUpToTheLimitInOnePass(string? limit, int clusters, int scheduled)
    {
        var plan = SharedMutexSector(limit, clusters, ongoing: 0);

        plan.Actions.OfType<CreateUpgradePolicy>().Select(a => a.Cluster).ShouldBe(Enumerable.Range(1, scheduled).Select(i => $"c{i}"));
    }

    [Fact]
    public void SectorLimitReached_DetailIsVerbatim()
    {
        var plan = SharedMutexSector("50%", 5, 1);

        plan.Decision("c3").Detail.ShouldBe("sector s allows 2 parallel upgrades among the 5 clusters sharing mutex m (maxParallelUpgrades 50%); upgrading: c1, c2");
    }

    [Fact]
    public void WithoutSharedMutexes_TheSectorLimitHasNoEffect()
    {
        var names = new[] { "a", "b", "c", "d" };
        var plan = PlanOne(
            Organization("org", names.Select(n => Policy(n, sector: "s")), [Sector("s", "1")]),
            names.Select(n => Cluster(n, "4.16.1", "4.16.2")),
            Now);

        plan.Clusters.ShouldAllBe(c => c.Reason == Reason.Scheduled);
    }

    [Fact]
    public void WithoutALimit_ASharedMutexAllowsOneUpgradeOrganizationWide()
    {
        var plan = PlanOne(
            Organization("org", [Policy("a", mutexes: ["m"]), Policy("b", mutexes: ["m"], sector: "s"), Policy("c", mutexes: ["m"], sector: "t")], [Sector("s"), Sector("t")]),
            [Cluster("a", "4.16.1", "4.16.2"), Cluster("b", "4.16.1", "4.16.2"), Cluster("c", "4.16.1", "4.16.2")],
            Now);

        plan.Decision("a").Reason.ShouldBe(Reason.Scheduled);
        plan.Decision("b").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("c").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("c").Detail.ShouldBe("mutex m is held by a (upgrading to 4.16.2)");
    }

    [Fact]
    public void WithALimit_AMutexHeldInAnotherSectorIsIgnored()
    {
        // S-18: only upgrades in the same sector count once the sector has maxParallelUpgrades.
        var plan = PlanOne(
            Organization("org", [Policy("other", mutexes: ["m"], sector: "t"), Policy("c", mutexes: ["m"], sector: "s")], [Sector("s", "1"), Sector("t")]),
            [Cluster("other", "4.16.1", "4.16.2") with { UpgradePolicies = [ExistingPolicy("4.16.2")] }, Cluster("c", "4.16.1", "4.16.2")],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void WithALimit_AMutexHeldOutsideAnySectorIsIgnored()
    {
        var plan = PlanOne(
            Organization("org", [Policy("first", mutexes: ["m"]), Policy("c", mutexes: ["m"], sector: "s")], [Sector("s", "50%")]),
            [Cluster("first", "4.16.0", "4.16.2"), Cluster("c", "4.16.1", "4.16.2")],
            Now);

        plan.Decision("first").Reason.ShouldBe(Reason.Scheduled);
        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void WithoutALimit_AMutexTakenByALimitedSectorStillHolds()
    {
        // Case A looks at every lock, whoever holds it.
        var plan = PlanOne(
            Organization("org", [Policy("limited", mutexes: ["m"], sector: "s"), Policy("c", mutexes: ["m"])], [Sector("s", "2")]),
            [Cluster("limited", "4.16.0", "4.16.2"), Cluster("c", "4.16.1", "4.16.2")],
            Now);

        plan.Decision("limited").Reason.ShouldBe(Reason.Scheduled);
        plan.Decision("c").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("c").Detail.ShouldBe("mutex m is held by limited (upgrading to 4.16.2)");
    }

    [Fact]
    public void SectorLimit_CountsOnlyClustersOfTheSectorSharingTheMutex()
    {
        // Four clusters share m but only two are in sector s: 50% of 2 is 1.
        var plan = PlanOne(
            Organization(
                "org",
                [Policy("s1", mutexes: ["m"], sector: "s"), Policy("s2", mutexes: ["m"], sector: "s"), Policy("t1", mutexes: ["m"], sector: "t"), Policy("t2", mutexes: ["m"], sector: "t")],
                [Sector("s", "50%"), Sector("t", "50%")]),
            [Cluster("s1", "4.16.1", "4.16.2"), Cluster("s2", "4.16.1", "4.16.2"), Cluster("t1", "4.16.1", "4.16.2"), Cluster("t2", "4.16.1", "4.16.2")],
            Now);

        plan.Actions.OfType<CreateUpgradePolicy>().Select(a => a.Cluster).ShouldBe(["s1", "t1"]);
        plan.Decision("s2").Detail.ShouldBe("sector s allows 1 parallel upgrade among the 2 clusters sharing mutex m (maxParallelUpgrades 50%); upgrading: s1");
    }

    [Fact]
    public void AnyHeldMutex_HoldsTheCluster()
    {
        var plan = PlanOne(
            Organization("org", [Policy("a", mutexes: ["n"]), Policy("b", mutexes: ["m", "n"])]),
            [Cluster("a", "4.16.0", "4.16.2"), Cluster("b", "4.16.1", "4.16.2")],
            Now);

        plan.Decision("b").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("b").Detail.ShouldBe("mutex n is held by a (upgrading to 4.16.2)");
    }

    [Fact]
    public void ExistingPolicies_LockBeforeTheLoop_SoEvenEarlierClustersWait()
    {
        // b has a policy in OCM; a comes first in order but must still wait for mutex m.
        var plan = PlanOne(
            Organization("org", [Policy("a", mutexes: ["m"]), Policy("b", mutexes: ["m"])]),
            [Cluster("a", "4.16.0", "4.16.2"), Cluster("b", "4.16.1", "4.16.2") with { UpgradePolicies = [ExistingPolicy("4.16.2")] }],
            Now);

        plan.Clusters.Select(c => c.Name).ShouldBe(["a", "b"]);
        plan.Decision("a").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("a").Detail.ShouldBe("mutex m is held by b (upgrading to 4.16.2)");
        plan.Decision("b").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void CapacityIsCheckedAfterTheWindow()
    {
        var plan = PlanOne(
            Organization("org", [Policy("a", mutexes: ["m"]), Policy("b", mutexes: ["m"], schedule: "0 0 1 1 *")]),
            [Cluster("a", "4.16.0", "4.16.2"), Cluster("b", "4.16.1", "4.16.2")],
            Now);

        plan.Decision("b").Reason.ShouldBe(Reason.OutsideWindow);
    }

    [Fact]
    public void CapacityIsCheckedBeforeTheVersion()
    {
        var plan = PlanOne(
            Organization("org", [Policy("a", mutexes: ["m"]), Policy("b", mutexes: ["m"])]),
            [Cluster("a", "4.16.0", "4.16.2"), Cluster("b", "4.16.1")],
            Now);

        plan.Decision("b").Reason.ShouldBe(Reason.MutexLocked);
    }

    [Fact]
    public void AHeldClusterTakesNoLock()
    {
        // b is held by a's lock on m; c shares only n with b and is free.
        var plan = PlanOne(
            Organization("org", [Policy("a", mutexes: ["m"]), Policy("b", mutexes: ["m", "n"]), Policy("c", mutexes: ["n"])]),
            [Cluster("a", "4.16.0", "4.16.2"), Cluster("b", "4.16.1", "4.16.2"), Cluster("c", "4.16.1", "4.16.2")],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
    }
}
