using System.Text.Json.Nodes;

namespace Aus.Cli.Tests.Demo;

/// <summary>
/// The demo on the built-in sectors example: the release goes to stage first, then prod-blue, then
/// prod-green; clusters sharing a mutex never upgrade at the same time; prod waits for 7 soak days.
/// Each rule is checked in what the demo prints and in what the simulator ends with.
/// </summary>
public sealed class DemoRolloutTests(BundledDemoRun run) : IClassFixture<BundledDemoRun>
{
    private const string Release = "4.16.10";
    private static readonly string[] Stage = ["stage-1", "stage-2"];
    private static readonly string[] ProdBlue = ["prod-1", "prod-2"];
    private static readonly string[] ProdGreen = ["prod-3", "prod-4"];

    [Fact]
    public void TheRolloutConverges()
    {
        run.Result.Converged.ShouldBeTrue(run.Output.Text);
        run.Output.Text.ShouldContain($"Rollout of {Release} complete: every cluster runs it");
        run.Result.Clusters.ShouldAllBe(c => c.ReleaseAt != null);
    }

    [Fact]
    public void Output_ReleaseReachesStageThenProdBlueThenProdGreen()
    {
        var completed = run.Output.Transitions.Where(t => t.Version == Release && t.State == "completed").ToDictionary(t => t.Cluster, t => t.At);
        completed.Keys.ShouldBe([.. Stage, .. ProdBlue, .. ProdGreen], ignoreOrder: true);
        Stage.Max(c => completed[c]).ShouldBeLessThan(ProdBlue.Min(c => completed[c]));
        ProdBlue.Max(c => completed[c]).ShouldBeLessThan(ProdGreen.Min(c => completed[c]));

        // A sector starts only once the sector it depends on runs the release everywhere.
        var started = run.Output.Transitions.Where(t => t.Version == Release && t.State == "started").ToDictionary(t => t.Cluster, t => t.At);
        Stage.Max(c => completed[c]).ShouldBeLessThanOrEqualTo(ProdBlue.Min(c => started[c]));
        ProdBlue.Max(c => completed[c]).ShouldBeLessThanOrEqualTo(ProdGreen.Min(c => started[c]));
    }

    [Fact]
    public void Summary_ListsClustersInTheOrderTheyGotTheRelease()
    {
        var rows = run.Output.SummaryRows;
        rows.Keys.ShouldBe([.. Stage, .. ProdBlue, .. ProdGreen]);
        rows["prod-1"][1].ShouldBe("prod-blue");
        rows["prod-1"][2].ShouldBe("blue-mutex");
        rows["prod-3"][3].ShouldBe("4.16.7");
    }

    [Fact]
    public void Simulator_ReleaseReachesStageThenProdBlueThenProdGreen()
    {
        var completed = run.Result.Transitions.Where(t => t.Version == Release && t.State == "completed").ToDictionary(t => t.ClusterName, t => t.At);
        Stage.Max(c => completed[c]).ShouldBeLessThan(ProdBlue.Min(c => completed[c]));
        ProdBlue.Max(c => completed[c]).ShouldBeLessThan(ProdGreen.Min(c => completed[c]));
    }

    [Theory]
    [InlineData("prod-1", "prod-2")]
    [InlineData("prod-3", "prod-4")]
    public void Output_ClustersSharingAMutexNeverUpgradeTogether(string first, string second)
    {
        var upgrades = Intervals(run.Output.Transitions.Select(t => (t.Cluster, t.Version, t.State, t.At)));
        AssertNoOverlap(upgrades, first, second);
    }

    [Theory]
    [InlineData("prod-1", "prod-2")]
    [InlineData("prod-3", "prod-4")]
    public void Simulator_ClustersSharingAMutexNeverUpgradeTogether(string first, string second)
    {
        var upgrades = Intervals(run.Result.Transitions.Select(t => (t.ClusterName, t.Version, t.State, t.At)));
        AssertNoOverlap(upgrades, first, second);
    }

    [Fact]
    public void Output_ProdGetsTheReleaseOnlyAfterSevenSoakDays()
    {
        var rows = run.Output.SummaryRows;
        foreach (var cluster in ProdBlue.Concat(ProdGreen))
        {
            var soak = rows[cluster][6];
            soak.ShouldEndWith("(needs 7)");
            double.Parse(soak.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(7);
        }

        rows["stage-1"][6].ShouldBe("0.00 (needs 0)");
        run.Output.Text.ShouldContain($"prod-1 (prod-blue, mutex blue-mutex, runs 4.16.9): soaking: {Release} has soaked 0.50 of 7 days");
    }

    [Fact]
    public void Result_ProdWasScheduledWithSevenSoakDaysAndStageWithNone()
    {
        foreach (var cluster in run.Result.Clusters)
        {
            cluster.SoakDaysWhenScheduled.ShouldNotBeNull(cluster.Name);
            cluster.SoakDaysWhenScheduled!.Value.ShouldBeGreaterThanOrEqualTo(cluster.RequiredSoakDays ?? 0, cluster.Name);
        }

        run.Result.Clusters.Where(c => c.Sector != "stage").ShouldAllBe(c => c.RequiredSoakDays == 7);
    }

    [Fact]
    public void Output_ShowsWhatHoldsClustersBack()
    {
        run.Output.Text.ShouldContain("prod-2 (prod-blue, mutex blue-mutex, runs 4.16.8): mutex-locked: mutex blue-mutex is held by prod-1");
        run.Output.Text.ShouldContain("prod-1 (prod-blue, mutex blue-mutex, runs 4.16.8): sector-dependency: sector prod-blue waits for stage");
        run.Output.Text.ShouldContain($"soak: {Release} has soaked");
    }

    [Fact]
    public void Simulator_EndsWithEveryClusterOnTheReleaseAndNoPolicyLeft()
    {
        var fleet = JsonNode.Parse(run.Result.FinalFleetJson)!;
        var clusters = fleet["organizations"]!.AsArray().SelectMany(o => o!["clusters"]!.AsArray()).ToList();
        clusters.Count.ShouldBe(6);
        foreach (var cluster in clusters)
        {
            cluster!["version"]!.GetValue<string>().ShouldBe(Release, cluster["name"]!.GetValue<string>());
            cluster["upgradePolicies"]!.AsArray().ShouldBeEmpty();
        }
    }

    [Fact]
    public void RolloutTime_IsFromPublicationToTheLastCluster()
    {
        var last = run.Result.Clusters.Max(c => c.ReleaseAt!.Value);
        run.Result.RolloutTime.ShouldBe(last - run.Result.Start);
        run.Result.Start.ShouldBe(DateTimeOffset.Parse("2026-11-23T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, List<(DateTimeOffset Start, DateTimeOffset End)>> Intervals(IEnumerable<(string Cluster, string Version, string State, DateTimeOffset At)> transitions)
    {
        var open = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var intervals = new Dictionary<string, List<(DateTimeOffset, DateTimeOffset)>>(StringComparer.Ordinal);
        foreach (var (cluster, _, state, at) in transitions)
        {
            if (state == "started")
            {
                open[cluster] = at;
            }
            else if (open.Remove(cluster, out var start))
            {
                (intervals.TryGetValue(cluster, out var list) ? list : intervals[cluster] = []).Add((start, at));
            }
        }

        open.ShouldBeEmpty("every upgrade that started has ended");
        return intervals;
    }

    private static void AssertNoOverlap(Dictionary<string, List<(DateTimeOffset Start, DateTimeOffset End)>> upgrades, string first, string second)
    {
        upgrades[first].ShouldNotBeEmpty();
        upgrades[second].ShouldNotBeEmpty();
        foreach (var a in upgrades[first])
        {
            foreach (var b in upgrades[second])
            {
                (a.End <= b.Start || b.End <= a.Start).ShouldBeTrue($"{first} {a} overlaps {second} {b}");
            }
        }
    }
}
