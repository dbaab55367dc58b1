using System.Collections.Immutable;
using Aus.Domain.Planning;
using Aus.Domain.Reporting;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Reporting;

/// <summary>reference-behaviour.md 17.7: the add-on report's rows.</summary>
public sealed class AddonReportTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void EachReadyAddonOfEachCluster_HasARow_WithTheNextVersionOrNothing()
    {
        var organization = Organization("org", [Policy("c", soakDays: 3, schedule: "0 13 * * *", workloads: ["b", "a"], mutexes: ["m"], sector: "s")], [Sector("s")]) with
        {
            AddonManagedUpgrades = true,
        };
        var cluster = Cluster("c", "4.16.1") with { Addons = [Addon("addon-b", "2.1.0"), Addon("addon-a", "1.2.0"), Addon("addon-c", "0.1.0", "installing")] };
        var fleet = Aus.TestKit.Build.Fleet("org", [cluster]) with
        {
            AddonVersions = ImmutableDictionary<string, string>.Empty.Add("addon-a", "1.3.0").Add("addon-b", "2.1.0"),
        };

        var plan = FleetPlanner.Plan(new PlanRequest([Input(organization)], fleet, Now) { IncludeReport = true }).Organizations.Single();

        plan.AddonReport.ShouldBe(
        [
            new AddonReportRow
            {
                Cluster = "c", ClusterId = "id-c", Addon = "addon-a", CurrentVersion = "1.2.0", Schedule = "0 13 * * *", Sector = "s",
                Mutexes = ["m"], SoakDays = 3, Workloads = ["a", "b"], NextVersion = "1.3.0",
            },
            new AddonReportRow
            {
                Cluster = "c", ClusterId = "id-c", Addon = "addon-b", CurrentVersion = "2.1.0", Schedule = "0 13 * * *", Sector = "s",
                Mutexes = ["m"], SoakDays = 3, Workloads = ["a", "b"], NextVersion = string.Empty,
            },
        ], new RowComparer());
        plan.Report.ShouldHaveSingleItem().Cluster.ShouldBe("c");
    }

    [Fact]
    public void WithoutTheReport_NoRowsAreBuilt()
    {
        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] }], new Dictionary<string, string> { ["addon-a"] = "1.3.0" }, Now);

        plan.AddonReport.ShouldBeEmpty();
    }

    /// <summary>Records holding arrays compare them by reference; rows are compared by content.</summary>
    private sealed class RowComparer : IEqualityComparer<AddonReportRow>
    {
        public bool Equals(AddonReportRow? x, AddonReportRow? y) =>
            x is not null && y is not null
            && x with { Mutexes = [], Workloads = [] } == y with { Mutexes = [], Workloads = [] }
            && x.Mutexes.SequenceEqual(y.Mutexes)
            && x.Workloads.SequenceEqual(y.Workloads);

        public int GetHashCode(AddonReportRow obj) => obj.Cluster.GetHashCode(StringComparison.Ordinal);
    }
}
