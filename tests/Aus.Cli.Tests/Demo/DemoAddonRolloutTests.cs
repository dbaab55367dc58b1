using System.Text.Json.Nodes;

namespace Aus.Cli.Tests.Demo;

/// <summary>
/// `aus demo --addons` on the built-in sectors example with two add-ons: OCM publishes a new version
/// of each add-on, and each add-on goes to stage first, then prod-blue once its version has soaked,
/// then prod-green, one cluster of a mutex at a time, per add-on. Each rule is checked in what the
/// demo prints and in what the simulator did.
/// </summary>
public sealed class DemoAddonRolloutTests(BundledAddonDemoRun run) : IClassFixture<BundledAddonDemoRun>
{
    private static readonly string[] Stage = ["stage-1", "stage-2"];
    private static readonly string[] ProdBlue = ["prod-1", "prod-2"];
    private static readonly string[] ProdGreen = ["prod-3", "prod-4"];
    private static readonly Dictionary<string, string> NewVersions = new() { ["addon-logging"] = "5.8.3", ["addon-metrics"] = "1.5.0" };

    [Fact]
    public void TheIntroduction_SaysOcmPublishesTheAddonVersions()
    {
        run.Output.Text.ShouldContain("2026-11-23 11:55: OCM publishes the add-on versions addon-logging 5.8.3, addon-metrics 1.5.0");
        run.Output.Text.ShouldContain("until every cluster runs 4.16.10 and every ready add-on its new version");
    }

    [Fact]
    public void TheReleaseAndEveryReadyAddon_ConvergeWithinTheHorizon()
    {
        run.Result.Converged.ShouldBeTrue(run.Output.Text);
        run.Result.Addons.Length.ShouldBe(11, "six clusters with two add-ons, prod-4's addon-metrics still installing");
        run.Result.Addons.ShouldAllBe(a => a.ReachedAt != null && a.TargetVersion == NewVersions[a.Addon]);
        run.Output.Text.ShouldContain("Add-on addon-logging 5.8.3: every cluster runs it");
        run.Output.Text.ShouldContain("Add-on addon-metrics 1.5.0: every cluster runs it");
    }

    [Theory]
    [InlineData("addon-logging")]
    [InlineData("addon-metrics")]
    public void Simulator_EachAddonGoesToStageThenProdBlueThenProdGreen(string addon)
    {
        var (started, completed) = Upgrades(addon);
        var green = addon == "addon-metrics" ? ["prod-3"] : ProdGreen;
        completed.Keys.ShouldBe([.. Stage, .. ProdBlue, .. green], ignoreOrder: true);
        Stage.Max(c => completed[c]).ShouldBeLessThanOrEqualTo(ProdBlue.Min(c => started[c]));
        ProdBlue.Max(c => completed[c]).ShouldBeLessThanOrEqualTo(green.Min(c => started[c]));
    }

    [Theory]
    [InlineData("addon-logging")]
    [InlineData("addon-metrics")]
    public void Simulator_ProdGetsTheAddonOnlyAfterItsVersionSoakedSevenDaysOnStage(string addon)
    {
        // Two stage clusters soak the new version at once: seven cluster-days take three and a half days.
        var (started, completed) = Upgrades(addon);
        var stageDone = Stage.Max(c => completed[c]);
        ProdBlue.Min(c => started[c]).ShouldBeGreaterThanOrEqualTo(stageDone.AddDays(3.5));
        run.Output.Text.ShouldContain($"prod-1 add-on {addon} (prod-blue, mutex blue-mutex, runs {(addon == "addon-logging" ? "5.8.1" : "1.4.0")}): soaking: {NewVersions[addon]} has soaked 0.00 of 7 days");
    }

    [Theory]
    [InlineData("addon-logging", "prod-1", "prod-2")]
    [InlineData("addon-metrics", "prod-1", "prod-2")]
    [InlineData("addon-logging", "prod-3", "prod-4")]
    public void Simulator_ClustersSharingAMutexNeverUpgradeTheSameAddonTogether(string addon, string first, string second)
    {
        var (started, completed) = Upgrades(addon);
        (completed[first] <= started[second] || completed[second] <= started[first]).ShouldBeTrue(
            $"{addon} on {first} ({started[first]} to {completed[first]}) overlaps {second} ({started[second]} to {completed[second]})");
    }

    [Fact]
    public void Simulator_TwoAddonsOfOneCluster_DoNotLockEachOther()
    {
        var logging = Upgrades("addon-logging");
        var metrics = Upgrades("addon-metrics");
        foreach (var cluster in Stage.Concat(ProdBlue))
        {
            logging.Started[cluster].ShouldBe(metrics.Started[cluster], cluster);
        }
    }

    [Fact]
    public void Output_ShowsTheAddonTransitionsAsTheSimulatorRanThem()
    {
        var printed = run.Output.AddonTransitions.Select(t => (t.Cluster, t.Addon, t.Version, t.State)).ToList();
        var simulated = run.Result.Transitions.Where(t => t.AddonId is not null).Select(t => (t.ClusterName, t.AddonId!, t.Version, t.State)).ToList();
        printed.Count.ShouldBe(22, "a start and a completion for each of the 11 ready add-ons");
        printed.ShouldBe(simulated, ignoreOrder: true);
        run.Output.Transitions.ShouldAllBe(t => t.Version.StartsWith("4.16.", StringComparison.Ordinal), "add-on transitions are not cluster upgrades");
    }

    [Fact]
    public void Output_ShowsTheAddonPolicyOcmHolds_FromStartedToCompleted()
    {
        run.Output.Text.ShouldContain("pass 1: stage-1 add-on addon-logging (stage, runs 5.8.1): scheduled: upgrade add-on addon-logging to 5.8.3 at 2026-11-23T12:01:00Z");
        run.Output.Text.ShouldContain("pass 2: stage-1 add-on addon-logging (stage, runs 5.8.1, add-on policy 5.8.3 (started)): upgrade-in-progress");
        run.Output.Text.ShouldContain("pass 3: stage-1 add-on addon-logging (stage, runs 5.8.3, add-on policy 5.8.3 (completed)): upgrade-in-progress");
    }

    [Fact]
    public void Output_ShowsTheAddonVersionsSoakProgress()
    {
        run.Output.Text.ShouldContain("soak: add-on addon-logging 5.8.3 has soaked 1.08 cluster-days for my-service (the longest requirement is 7)");
        run.Output.Text.ShouldContain("soak: add-on addon-metrics 1.5.0 has soaked 7.00 cluster-days for my-service (the longest requirement is 7)");
    }

    [Fact]
    public void Summary_SaysWhenEachAddonReachedEachCluster()
    {
        var rows = run.Output.AddonSummaryRows;
        rows.Count.ShouldBe(11);
        foreach (var summary in run.Result.Addons)
        {
            var row = rows[(summary.Addon, summary.Cluster)];
            row[4].ShouldBe(summary.FromVersion);
            row[5].ShouldBe(summary.TargetVersion);
            row[6].ShouldBe(summary.ReachedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }

        rows[("addon-logging", "prod-1")][2].ShouldBe("prod-blue");
        rows[("addon-logging", "prod-1")][3].ShouldBe("blue-mutex");
        rows.Keys.ShouldNotContain(("addon-metrics", "prod-4"), "an add-on that is not ready is not rolled out");
    }

    [Fact]
    public void Summary_ReachedAt_IsTheSimulatorsCompletion()
    {
        foreach (var summary in run.Result.Addons)
        {
            var completion = run.Result.Transitions.Single(t => t.AddonId == summary.Addon && t.ClusterName == summary.Cluster && t.State == "completed");
            summary.ReachedAt.ShouldBe(completion.At);
        }
    }

    [Fact]
    public void Simulator_EndsWithEveryReadyAddonOnItsNewVersion_AndOnlyCompletedAddonPoliciesLeft()
    {
        var fleet = JsonNode.Parse(run.Result.FinalFleetJson)!;
        foreach (var cluster in fleet["organizations"]!.AsArray().SelectMany(o => o!["clusters"]!.AsArray()))
        {
            foreach (var addon in cluster!["addons"]!.AsArray().Where(a => a!["state"]!.GetValue<string>() == "ready"))
            {
                addon!["version"]!.GetValue<string>().ShouldBe(NewVersions[addon["id"]!.GetValue<string>()]);
            }

            var policies = cluster["upgradePolicies"]!.AsArray().Where(p => p!["kind"]?.GetValue<string>() == "addon").ToList();
            policies.ShouldAllBe(p => p!["state"]!.GetValue<string>() == "completed", "a completed add-on policy is deleted by the next pass; the demo ends before it");
        }
    }

    [Fact]
    public void TheClusterRollout_IsTheSectorsOne_AddonsBesideIt()
    {
        run.Output.Text.ShouldContain("Rollout of 4.16.10 complete: every cluster runs it");
        run.Output.SummaryRows.Keys.ShouldBe([.. Stage, .. ProdBlue, .. ProdGreen]);
    }

    private (Dictionary<string, DateTimeOffset> Started, Dictionary<string, DateTimeOffset> Completed) Upgrades(string addon)
    {
        var events = run.Result.Transitions.Where(t => t.AddonId == addon && t.Version == NewVersions[addon]).ToList();
        events.ShouldNotBeEmpty();
        return (
            events.Where(t => t.State == "started").ToDictionary(t => t.ClusterName, t => t.At),
            events.Where(t => t.State == "completed").ToDictionary(t => t.ClusterName, t => t.At));
    }
}
