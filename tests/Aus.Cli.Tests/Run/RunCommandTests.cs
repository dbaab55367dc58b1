using System.Text.Json.Nodes;
using Aus.Simulator;
using Aus.TestKit;

namespace Aus.Cli.Tests.Run;

/// <summary>`aus run` as a user runs it: a real process, credentials from the environment, the simulator over HTTP.</summary>
public sealed class RunCommandTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-runcmd-");
    private OcmSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetPath = RepositoryPaths.Example("sectors-fleet.yaml"), InitialTime = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero) },
            CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Run_CreatesThePlannedPoliciesInOcm_AndSavesTheHistory()
    {
        var history = Path.Combine(_directory.FullName, "history.json");
        File.Copy(RepositoryPaths.Example("sectors-history.json"), history);

        var (exitCode, stdout, stderr) = await ChildProcess.RunAusAsync(
            ["run", "--config", RepositoryPaths.Example("sectors-org.yaml"), "--history", history, "--now", "2026-11-23T12:00:00Z"],
            Environment());

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        stdout.ShouldContain("applied: create cluster upgrade policy for prod-3 to 4.16.8 at 2026-11-23T13:00:00Z");
        stdout.ShouldContain("applied: create cluster upgrade policy for stage-1 to 4.16.9 at 2026-11-23T13:00:00Z");
        PoliciesInOcm().ShouldBe(["prod-3 4.16.8", "stage-1 4.16.9"], ignoreOrder: true);
        (await File.ReadAllTextAsync(history)).ShouldContain("\"check_in\": \"2026-11-23T12:00:00+00:00\"");
    }

    [Fact]
    public async Task RunDryRun_ChangesNothingInOcmOrTheHistory()
    {
        var history = Path.Combine(_directory.FullName, "history.json");
        File.Copy(RepositoryPaths.Example("sectors-history.json"), history);
        var before = await File.ReadAllTextAsync(history);

        var (exitCode, stdout, _) = await ChildProcess.RunAusAsync(
            ["run", "--config", RepositoryPaths.Example("sectors-org.yaml"), "--history", history, "--now", "2026-11-23T12:00:00Z", "--dry-run"],
            Environment());

        exitCode.ShouldBe(0);
        stdout.ShouldContain("dry run, not applied: create cluster upgrade policy for prod-3");
        PoliciesInOcm().ShouldBeEmpty();
        (await File.ReadAllTextAsync(history)).ShouldBe(before);
    }

    [Fact]
    public async Task Run_WithoutCredentials_SaysWhichVariablesToSet()
    {
        var (exitCode, _, stderr) = await ChildProcess.RunAusAsync(
            ["run", "--config", RepositoryPaths.Example("sectors-org.yaml"), "--ocm-url", _simulator.BaseUrl.ToString(), "--dry-run"],
            new Dictionary<string, string?> { ["OCM_CLIENT_ID"] = null, ["OCM_CLIENT_SECRET"] = null, ["OCM_TOKEN"] = null, ["AUS_STATE"] = Path.Combine(_directory.FullName, "s.db") });

        exitCode.ShouldBe(2);
        stderr.ShouldContain("OCM_CLIENT_ID");
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Run_WithABadHistoryValue_SaysSoOnce()
    {
        var (exitCode, _, stderr) = await ChildProcess.RunAusAsync(
            ["run", "--config", RepositoryPaths.Example("sectors-org.yaml"), "--history", "nobody=history.json", "--now", "2026-11-23T12:00:00Z"],
            Environment());

        exitCode.ShouldBe(2);
        stderr.ShouldBe("aus: error: --history nobody=history.json: organization nobody is not in any --config file (known: org-sectors)\n");
    }

    [Fact]
    public async Task RunDryRun_WithAStoreThatDoesNotExistYet_CreatesNoStateFile()
    {
        var state = Path.Combine(_directory.FullName, "state", "never.db");
        var environment = Environment();
        environment["AUS_STATE"] = state;

        var (exitCode, stdout, _) = await ChildProcess.RunAusAsync(
            ["run", "--config", RepositoryPaths.Example("sectors-org.yaml"), "--now", "2026-11-23T12:00:00Z", "--dry-run"], environment);

        exitCode.ShouldBe(0);
        stdout.ShouldContain("dry run, not applied: create cluster upgrade policy for stage-1");
        File.Exists(state).ShouldBeFalse();
        Directory.Exists(Path.GetDirectoryName(state)).ShouldBeFalse();
        PoliciesInOcm().ShouldBeEmpty();
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["OCM_URL"] = _simulator.BaseUrl.ToString(),
        ["OCM_TOKEN_URL"] = _simulator.TokenUrl.ToString(),
        ["OCM_CLIENT_ID"] = _simulator.ClientId,
        ["OCM_CLIENT_SECRET"] = _simulator.ClientSecret,
        ["OCM_TOKEN"] = null,
    };

    private List<string> PoliciesInOcm()
    {
        var fleet = JsonNode.Parse(_simulator.FleetJson())!;
        var result = new List<string>();
        foreach (var cluster in fleet["organizations"]!.AsArray().SelectMany(o => o!["clusters"]!.AsArray()).OfType<JsonObject>())
        {
            foreach (var policy in cluster["upgradePolicies"]!.AsArray())
            {
                result.Add($"{cluster["name"]} {policy!["version"]}");
            }
        }

        return result;
    }
}
