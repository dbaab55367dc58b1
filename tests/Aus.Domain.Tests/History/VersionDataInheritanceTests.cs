using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Policies;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.History;

/// <summary>reference-behaviour.md 10.2: aggregation of inherited version data.</summary>
public sealed class VersionDataInheritanceTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void Aggregate_AddsKnownWorkloads_AddsUnknownVersions_DropsUnknownWorkloads()
    {
        // The verified example of 10.2.
        var own = Build.History(Now, ("4.12.1", "workload1", 21, ["c1"]), ("4.12.1", "workload2", 6, ["c2"]), ("4.13.0", "workload-1", 0, ["c3"]));
        var source = Build.History(Now, ("4.12.1", "workload1", 3, ["s1"]), ("4.12.1", "workload3", 10, ["s2"]), ("4.12.2", "workload1", 13, ["s1"]), ("4.12.2", "workload3", 20, ["s2"]));

        var result = VersionDataInheritance.Aggregate(own, [new InheritedVersionData(new EnvironmentName("stage"), new OrganizationId("org-2"), source)]);

        result.SoakDays("4.12.1", new Workload("workload1")).ShouldBe(24);
        result.SoakDays("4.12.1", new Workload("workload2")).ShouldBe(6);
        result.SoakDays("4.12.2", new Workload("workload1")).ShouldBe(13);
        result.SoakDays("4.13.0", new Workload("workload-1")).ShouldBe(0);
        result.Versions["4.12.1"].Keys.ShouldBe([new Workload("workload1"), new Workload("workload2")]);
        result.Versions["4.12.2"].Keys.ShouldBe([new Workload("workload1")]);
        result.KnownWorkloads().ShouldNotContain(new Workload("workload3"));
    }

    [Fact]
    public void Aggregate_WithoutSources_LeavesTheDataAlone()
    {
        var own = Build.History(Now, ("4.12.1", "workload1", 21, ["c1"])) with { Stats = Stats("4.12.1", ("workload1", "4.12.1")) };

        var result = VersionDataInheritance.Aggregate(own, []);

        result.Versions.ContainsKey("4.12.2").ShouldBeFalse();
        result.InheritedStats.ShouldBeNull();
    }

    [Fact]
    public void Aggregate_PrefixesInheritedReportingNamesWithEnvironmentAndOrgId()
    {
        var own = Build.History(Now, ("4.12.1", "wl", 1, ["c1"]));
        var source = Build.History(Now, ("4.12.1", "wl", 2, ["s1", "s2"]));

        var result = VersionDataInheritance.Aggregate(own, [new InheritedVersionData(new EnvironmentName("integration"), new OrganizationId("org-2"), source)]);

        result.Versions["4.12.1"][new Workload("wl")].Reporting.ShouldBe(["c1", "integration/org-2/s1", "integration/org-2/s2"]);
    }

    [Fact]
    public void Aggregate_AddsEverySourceInTurn()
    {
        var own = Build.History(Now, ("4.12.1", "wl", 1, ["c1"]));
        var first = Build.History(Now, ("4.12.1", "wl", 2, ["s1"]));
        var second = Build.History(Now, ("4.12.1", "wl", 4, ["t1"]));

        var result = VersionDataInheritance.Aggregate(own, [new InheritedVersionData(new EnvironmentName("a"), new OrganizationId("org-2"), first), new InheritedVersionData(new EnvironmentName("b"), new OrganizationId("org-3"), second)]);

        result.SoakDays("4.12.1", new Workload("wl")).ShouldBe(7);
        result.Versions["4.12.1"][new Workload("wl")].Reporting.ShouldBe(["c1", "a/org-2/s1", "b/org-3/t1"]);
    }

    [Fact]
    public void Stats_FirstSourceIsTakenAsIs_LaterSourcesMergeByMinimum()
    {
        var own = Build.History(Now, ("4.12.1", "wl", 1, ["c1"])) with { Stats = Stats("4.12.1", ("wl", "4.12.1")) };
        var first = Build.History(Now) with { Stats = Stats("4.12.5", ("wl", "4.12.7"), ("other", "4.12.5")) };
        var second = Build.History(Now) with { Stats = Stats("4.12.3", ("wl", "4.12.6"), ("third", "4.12.3")) };

        var result = VersionDataInheritance.Aggregate(own, [new InheritedVersionData(new EnvironmentName("e"), new OrganizationId("o2"), first), new InheritedVersionData(new EnvironmentName("e"), new OrganizationId("o3"), second)]);

        result.Stats.ShouldBe(own.Stats);
        var inherited = result.InheritedStats.ShouldNotBeNull();
        inherited.MinVersion.ShouldBe(V("4.12.3"));
        inherited.MinVersionPerWorkload[new Workload("wl")].ShouldBe(V("4.12.6"));
        inherited.MinVersionPerWorkload[new Workload("other")].ShouldBe(V("4.12.5"));
        inherited.MinVersionPerWorkload[new Workload("third")].ShouldBe(V("4.12.3"));
    }

    [Fact]
    public void Stats_AreOnlyInheritedWhenBothSidesHaveStats()
    {
        var own = Build.History(Now, ("4.12.1", "wl", 1, ["c1"]));
        var source = Build.History(Now) with { Stats = Stats("4.12.5", ("wl", "4.12.5")) };

        VersionDataInheritance.Aggregate(own, [new InheritedVersionData(new EnvironmentName("e"), new OrganizationId("o2"), source)]).InheritedStats.ShouldBeNull();

        var withStats = own with { Stats = Stats("4.12.1", ("wl", "4.12.1")) };
        var withoutSourceStats = Build.History(Now);
        VersionDataInheritance.Aggregate(withStats, [new InheritedVersionData(new EnvironmentName("e"), new OrganizationId("o2"), withoutSourceStats)]).InheritedStats.ShouldBeNull();
    }

    private static VersionStats Stats(string min, params (string Workload, string Version)[] perWorkload) =>
        new(V(min), SoakLedgerCheckInTests.ImmutableSortedDictionaryOf(perWorkload));
}
