using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aus.Simulator;
using Aus.TestKit;

namespace Aus.Cli.Tests.Run;

/// <summary>
/// The sectors example with add-ons once stage runs the new add-on versions: prod is held until the
/// add-on version has soaked (7 days), per add-on, and then one cluster of a mutex goes; the same
/// from the fleet file and from OCM, and `aus run` creates just that upgrade in OCM.
/// </summary>
public sealed partial class AddonSoakHoldTests : IAsyncLifetime
{
    private const string Now = "2026-11-23T11:55:00Z";
    private static readonly string Org = RepositoryPaths.Example("sectors-addons-org.yaml");
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-addonsoak-");
    private OcmSimulator _simulator = null!;
    private string _fleet = null!;
    private string _loggingHistory = null!;
    private string _metricsHistory = null!;
    private string _clusterHistory = null!;

    public async Task InitializeAsync()
    {
        // Stage already runs addon-logging 5.8.3 and addon-metrics 1.5.0 (the first two clusters of the example).
        var example = await File.ReadAllTextAsync(RepositoryPaths.Example("sectors-addons-fleet.yaml"));
        var fleet = StageLogging().Replace(example, "{id: addon-logging, version: 5.8.3", 2);
        fleet = StageMetrics().Replace(fleet, "{id: addon-metrics, version: 1.5.0", 2);
        _fleet = Path.Combine(_directory.FullName, "fleet.yaml");
        await File.WriteAllTextAsync(_fleet, fleet);

        // A copy: `aus run --history` writes the checked-in history back into the file.
        _clusterHistory = Path.Combine(_directory.FullName, "sectors-history.json");
        File.Copy(RepositoryPaths.Example("sectors-history.json"), _clusterHistory);

        // addon-logging 5.8.3 has soaked 7.5 days on stage, addon-metrics 1.5.0 only 3.
        _loggingHistory = Path.Combine(_directory.FullName, "logging.json");
        _metricsHistory = Path.Combine(_directory.FullName, "metrics.json");
        await File.WriteAllTextAsync(_loggingHistory, History("5.8.3", 7.5));
        await File.WriteAllTextAsync(_metricsHistory, History("1.5.0", 3.0));
        _simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetYaml = fleet, InitialTime = new DateTimeOffset(2026, 11, 23, 11, 55, 0, TimeSpan.Zero) },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Plan_FromTheFleetFile_HoldsProdUntilTheAddonVersionHasSoaked_ThenOneClusterOfTheMutexGoes()
    {
        var (exitCode, stdout, stderr) = await CliRun.RunAsync(["plan", "--config", Org, "--fleet", _fleet, "--now", Now, .. Histories()]);

        exitCode.ShouldBe(0, stderr);
        var addons = Decisions(stdout);
        addons["prod-1 [addon-logging]"].ShouldBe("upgrade 5.8.3 scheduled");
        addons["prod-2 [addon-logging]"].ShouldBe("skip mutex-locked");
        addons["prod-1 [addon-metrics]"].ShouldBe("skip soaking");
        addons["prod-2 [addon-metrics]"].ShouldBe("skip soaking");
        addons["prod-3 [addon-logging]"].ShouldBe("skip sector-dependency");
        addons["stage-1 [addon-logging]"].ShouldBe("skip no-upgrades-available");
        stdout.ShouldContain("1.5.0 has soaked 3.00 of 7 days for workload my-service");
    }

    [Fact]
    public async Task Plan_FromOcm_DecidesTheAddonsAsFromTheFleetFile()
    {
        var fromFile = await CliRun.RunAsync(["plan", "--config", Org, "--fleet", _fleet, "--now", Now, .. Histories()]);
        var fromOcm = await ChildProcess.RunAusAsync(["plan", "--config", Org, "--now", Now, .. Histories()], OcmEnvironment());

        fromOcm.ExitCode.ShouldBe(0, fromOcm.Stderr);
        Decisions(fromOcm.Stdout).ShouldNotBeEmpty();
        Decisions(fromOcm.Stdout).ShouldBe(Decisions(fromFile.Stdout));
    }

    [Fact]
    public async Task Run_CreatesTheOneProdAddonUpgradeInOcm()
    {
        var run = await ChildProcess.RunAusAsync(["run", "--config", Org, "--now", Now, .. Histories()], OcmEnvironment());

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("applied: create add-on upgrade policy for prod-1 to addon-logging 5.8.3 at 2026-11-23T12:01:00Z");
        var policies = JsonNode.Parse(_simulator.FleetJson())!["organizations"]!.AsArray()
            .SelectMany(o => o!["clusters"]!.AsArray())
            .SelectMany(c => c!["upgradePolicies"]!.AsArray().Where(p => p!["kind"]?.GetValue<string>() == "addon").Select(p => $"{c["name"]} {p!["addon"]} {p["version"]}"))
            .ToList();
        policies.ShouldBe(["prod-1 addon-logging 5.8.3"]);
    }

    private string[] Histories() =>
    [
        "--history", $"org-sectors-addons={_clusterHistory}",
        "--history", $"org-sectors-addons/addon-logging={_loggingHistory}",
        "--history", $"org-sectors-addons/addon-metrics={_metricsHistory}",
    ];

    private static string History(string version, double days) =>
        new JsonObject
        {
            ["check_in"] = "2026-11-23T11:55:00+00:00",
            ["versions"] = new JsonObject
            {
                [version] = new JsonObject
                {
                    ["workloads"] = new JsonObject { ["my-service"] = new JsonObject { ["soak_days"] = days, ["reporting"] = new JsonArray("stage-1", "stage-2") } },
                },
            },
        }.ToJsonString();

    /// <summary>The add-on rows of the plan table: "CLUSTER [ADDON]" → "DECISION [TARGET] REASON".</summary>
    private static Dictionary<string, string> Decisions(string stdout) =>
        stdout.Split('\n')
            .Select(l => AddonRow().Match(l))
            .Where(m => m.Success)
            .ToDictionary(
                m => $"{m.Groups["cluster"].Value} [{m.Groups["addon"].Value}]",
                m => m.Groups["target"].Value == "-"
                    ? $"{m.Groups["decision"].Value} {m.Groups["reason"].Value}"
                    : $"{m.Groups["decision"].Value} {m.Groups["target"].Value} {m.Groups["reason"].Value}");

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

    [GeneratedRegex(@"\{id: addon-logging, version: 5\.8\.1")]
    private static partial Regex StageLogging();

    [GeneratedRegex(@"\{id: addon-metrics, version: 1\.4\.0")]
    private static partial Regex StageMetrics();

    [GeneratedRegex(@"^\s+(?<cluster>\S+) \[(?<addon>[^\]]+)\]\s+(?<version>\S+)\s+(?<decision>upgrade|skip)\s+(?<target>\S+)\s+(?<next>\S+)\s+(?<reason>\S+)\s*$")]
    private static partial Regex AddonRow();
}
