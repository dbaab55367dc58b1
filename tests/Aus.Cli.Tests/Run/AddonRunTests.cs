using System.Text.Json.Nodes;
using Aus.Simulator;
using Aus.TestKit;

namespace Aus.Cli.Tests.Run;

/// <summary>Add-on upgrades end to end on the sectors example with add-ons: planned from a fleet file or from OCM, created by `aus run`.</summary>
public sealed class AddonRunTests : IAsyncLifetime
{
    private const string Now = "2026-11-23T11:55:00Z";
    private static readonly string Org = RepositoryPaths.Example("sectors-addons-org.yaml");
    private static readonly string FleetFile = RepositoryPaths.Example("sectors-addons-fleet.yaml");
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-addonrun-");
    private OcmSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetPath = FleetFile, InitialTime = new DateTimeOffset(2026, 11, 23, 11, 55, 0, TimeSpan.Zero) },
            CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Plan_FromTheFleetFile_UpgradesTheStageAddonsInTheAddonWindow_AndHoldsProd()
    {
        var (exitCode, stdout, stderr) = await CliRun.RunAsync("plan", "--config", Org, "--fleet", FleetFile, "--now", Now);

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        var addons = AddonLines(stdout);
        addons.ShouldContain(l => l.StartsWith("stage-1 [addon-logging]") && l.Contains("upgrade   5.8.3   2026-11-23T12:01:00Z"));
        addons.ShouldContain(l => l.StartsWith("stage-2 [addon-metrics]") && l.Contains("upgrade   1.5.0   2026-11-23T12:01:00Z"));
        addons.Where(l => l.StartsWith("prod-")).ShouldAllBe(l => l.Contains(" skip "));
    }

    [Fact]
    public async Task Plan_FromOcm_DecidesTheAddonsAsFromTheFleetFile()
    {
        var fromFile = await CliRun.RunAsync("plan", "--config", Org, "--fleet", FleetFile, "--now", Now);
        var fromOcm = await ChildProcess.RunAusAsync(["plan", "--config", Org, "--now", Now], OcmEnvironment());

        fromOcm.ExitCode.ShouldBe(0, fromOcm.Stdout);
        AddonLines(fromOcm.Stdout).ShouldNotBeEmpty();
        AddonLines(fromOcm.Stdout).ShouldBe(AddonLines(fromFile.Stdout));
    }

    [Fact]
    public async Task Run_CreatesTheStageAddonPoliciesInOcm_KeepsTheAddonHistories_AndASecondPassAddsNothing()
    {
        var histories = new[] { "org-sectors-addons", "org-sectors-addons/addon-logging", "org-sectors-addons/addon-metrics" }
            .ToDictionary(k => k, k => Path.Combine(_directory.FullName, k.Replace('/', '-') + ".json"));
        foreach (var path in histories.Values)
        {
            await File.WriteAllTextAsync(path, "{}");
        }

        string[] arguments = ["run", "--config", Org, "--now", Now, .. histories.SelectMany(h => new[] { "--history", $"{h.Key}={h.Value}" })];
        var first = await ChildProcess.RunAusAsync(arguments, OcmEnvironment());
        var second = await ChildProcess.RunAusAsync(arguments, OcmEnvironment());

        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldContain("applied: create add-on upgrade policy for stage-1 to addon-logging 5.8.3 at 2026-11-23T12:01:00Z");
        second.ExitCode.ShouldBe(0, second.Stderr);
        second.Stdout.ShouldNotContain("create add-on upgrade policy");
        AddonPoliciesInOcm().ShouldBe(
            ["stage-1 addon-logging 5.8.3", "stage-1 addon-metrics 1.5.0", "stage-2 addon-logging 5.8.3", "stage-2 addon-metrics 1.5.0"],
            ignoreOrder: true);
        (await File.ReadAllTextAsync(histories["org-sectors-addons/addon-logging"])).ShouldContain("5.8.1");
        (await File.ReadAllTextAsync(histories["org-sectors-addons/addon-metrics"])).ShouldContain("1.4.0");
    }

    [Fact]
    public async Task Run_WithAStateStore_KeepsTheAddonHistoriesUnderTheirOwnKeys()
    {
        var state = Path.Combine(_directory.FullName, "state.db");
        var environment = OcmEnvironment();
        environment["AUS_STATE"] = state;

        var run = await ChildProcess.RunAusAsync(["run", "--config", Org, "--now", Now], environment);
        var export = await CliRun.RunAsync("state", "export", "--state", state);

        run.ExitCode.ShouldBe(0, run.Stderr);
        export.ExitCode.ShouldBe(0, export.Stderr);
        export.Stdout.ShouldContain("org-sectors-addons/addon-logging");
        export.Stdout.ShouldContain("org-sectors-addons/addon-metrics");
    }

    [Fact]
    public async Task ExplainAddon_ShowsTheAddonDecision_ProdHeldUntilTheAddonVersionHasSoaked()
    {
        var (exitCode, stdout, stderr) = await CliRun.RunAsync("explain", "prod-1", "--addon", "addon-metrics", "--config", Org, "--fleet", FleetFile, "--now", Now);

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        stdout.ShouldStartWith("add-on addon-metrics of prod-1 in sectors-addons-org (org-sectors-addons)");
        stdout.ShouldContain("runs:     1.4.0");
        stdout.ShouldContain("is within the 10-minute add-on window");
        stdout.ShouldContain("[x] 1.5.0 has soaked 0.00 of 7 days for workload my-service");
    }

    [Fact]
    public async Task ExplainAddon_OfAnAddonTheClusterDoesNotRun_NamesTheOnesItDoes()
    {
        var (exitCode, _, stderr) = await CliRun.RunAsync("explain", "prod-1", "--addon", "addon-none", "--config", Org, "--fleet", FleetFile, "--now", Now);

        exitCode.ShouldBe(2);
        stderr.ShouldBe("aus: error: cluster prod-1 has no add-on addon-none that was planned (add-ons: addon-logging, addon-metrics)\n");
    }

    [Fact]
    public async Task ReportAddons_HasARowPerClusterAndAddon_WithTheNextVersion()
    {
        var markdown = await CliRun.RunAsync("report", "--addons", "--config", Org, "--fleet", FleetFile, "--now", Now);
        var json = await CliRun.RunAsync("report", "--addons", "--output", "json", "--config", Org, "--fleet", FleetFile, "--now", Now);

        markdown.ExitCode.ShouldBe(0, markdown.Stderr);
        markdown.Stdout.ShouldStartWith("# Add-on upgrade policies");
        markdown.Stdout.ShouldContain("\"addon_id\": \"addon-metrics\"");
        json.ExitCode.ShouldBe(0, json.Stderr);
        var rows = JsonNode.Parse(json.Stdout)!["organizations"]!.AsArray().Single()!["addons"]!.AsArray();
        rows.Count.ShouldBe(11, "six clusters with two add-ons, one of them without addon-metrics");
        var row = rows.Single(r => r!["cluster"]!.GetValue<string>() == "prod-3" && r["addonId"]!.GetValue<string>() == "addon-logging")!;
        row["currentVersion"]!.GetValue<string>().ShouldBe("5.8.1");
        row["nextVersion"]!.GetValue<string>().ShouldBe("5.8.3");
    }

    [Fact]
    public async Task ReportAddons_InHtml_IsAUsageError()
    {
        var (exitCode, _, stderr) = await CliRun.RunAsync("report", "--addons", "--output", "html", "--config", Org, "--fleet", FleetFile, "--now", Now);

        exitCode.ShouldBe(2);
        stderr.ShouldBe("aus: error: --addons writes markdown or json, not html\n");
    }

    /// <summary>The table rows and actions of add-ons, trimmed.</summary>
    private static List<string> AddonLines(string stdout) =>
        [.. stdout.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("[addon-") || l.Contains("add-on upgrade policy"))];

    private Dictionary<string, string?> OcmEnvironment() => new()
    {
        ["OCM_URL"] = _simulator.BaseUrl.ToString(),
        ["OCM_TOKEN_URL"] = _simulator.TokenUrl.ToString(),
        ["OCM_CLIENT_ID"] = _simulator.ClientId,
        ["OCM_CLIENT_SECRET"] = _simulator.ClientSecret,
        ["OCM_TOKEN"] = null,
        ["AUS_STATE"] = null,
        ["AUS_SETTINGS"] = null,
    };

    private List<string> AddonPoliciesInOcm()
    {
        var fleet = JsonNode.Parse(_simulator.FleetJson())!;
        var result = new List<string>();
        foreach (var cluster in fleet["organizations"]!.AsArray().SelectMany(o => o!["clusters"]!.AsArray()).OfType<JsonObject>())
        {
            foreach (var policy in cluster["upgradePolicies"]!.AsArray().Where(p => p!["kind"]?.GetValue<string>() == "addon"))
            {
                result.Add($"{cluster["name"]} {policy!["addon"]} {policy["version"]}");
            }
        }

        return result;
    }
}
