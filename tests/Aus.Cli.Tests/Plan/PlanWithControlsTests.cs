using Aus.TestKit;

namespace Aus.Cli.Tests.Plan;

/// <summary>
/// `aus plan`, `explain` and `report` take the rollout controls of the store named with --state,
/// also when the histories come from --history files; without --state they see none.
/// </summary>
public sealed class PlanWithControlsTests : IDisposable
{
    private const string Now = "2026-11-23T12:00:00Z";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-plan-controls-");

    private static string Org => RepositoryPaths.Example("sectors-org.yaml");

    private static string Fleet => RepositoryPaths.Example("sectors-fleet.yaml");

    private static string History => RepositoryPaths.Example("sectors-history.json");

    private string State => Path.Combine(_directory.FullName, "state.db");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task AStoredPause_HoldsTheClusterInThePlan_AndExplainNamesIt()
    {
        (await CliRun.RunAsync("pause", "--org", "org-sectors", "--cluster", "stage-1", "--reason", "disk pressure", "--state", State)).ExitCode.ShouldBe(0);

        var plan = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--history", History, "--state", State, "--now", Now);
        var explain = await CliRun.RunAsync("explain", "stage-1", "--config", Org, "--fleet", Fleet, "--history", History, "--state", State, "--now", Now);
        var withoutStore = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--history", History, "--now", Now);

        plan.ExitCode.ShouldBe(0, plan.Stderr);
        plan.Stdout.ShouldContain("paused");
        plan.Stdout.ShouldContain("disk pressure");
        plan.Stdout.ShouldNotContain("create cluster upgrade policy for stage-1");
        explain.Stdout.ShouldContain("disk pressure");
        withoutStore.Stdout.ShouldContain("create cluster upgrade policy for stage-1");
    }

    [Fact]
    public async Task Report_NamesTheClustersAControlHolds_InEveryFormat_AndNoneWithoutControls()
    {
        (await CliRun.RunAsync("pause", "--org", "org-sectors", "--cluster", "stage-1", "--reason", "disk pressure", "--state", State)).ExitCode.ShouldBe(0);
        string[] inputs = ["--config", Org, "--fleet", Fleet, "--history", History, "--now", Now];

        var markdown = await CliRun.RunAsync(["report", .. inputs, "--state", State]);
        var table = await CliRun.RunAsync(["report", .. inputs, "--state", State, "-o", "table"]);
        var json = await CliRun.RunAsync(["report", .. inputs, "--state", State, "-o", "json"]);
        var withoutStore = await CliRun.RunAsync(["report", .. inputs, "-o", "json"]);

        markdown.Stdout.ShouldContain("Held by rollout safety controls:\n\n- stage-1 (`paused`): paused by the cluster stage-1 pause: disk pressure\n");
        table.Stdout.ShouldContain("  held: stage-1 (paused): paused by the cluster stage-1 pause: disk pressure\n");
        var held = System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!["organizations"]![0]!["held"]!.AsArray().ShouldHaveSingleItem()!;
        held["cluster"]!.GetValue<string>().ShouldBe("stage-1");
        held["reason"]!.GetValue<string>().ShouldBe("paused");
        System.Text.Json.Nodes.JsonNode.Parse(withoutStore.Stdout)!["organizations"]![0]!["held"].ShouldBeNull();
    }

    [Fact]
    public async Task AStoreWithoutControls_PlansExactlyAsWithoutAStore()
    {
        (await CliRun.RunAsync("pause", "--org", "another-org", "--state", State)).ExitCode.ShouldBe(0);

        var withStore = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--history", History, "--state", State, "--now", Now, "-o", "json");
        var withoutStore = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--history", History, "--now", Now, "-o", "json");

        withStore.Stdout.ShouldBe(withoutStore.Stdout);
    }
}
