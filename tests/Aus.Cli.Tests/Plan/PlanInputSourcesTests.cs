using Aus.Simulator;
using Aus.TestKit;

namespace Aus.Cli.Tests.Plan;

/// <summary>
/// Every planning command sees the inputs `aus run` sees: the soak history from the state store
/// (read only; --history files win), and OCM reached the same way (OCM_URL, OCM_TOKEN_URL, the
/// credential variables, --settings).
/// </summary>
public sealed class PlanInputSourcesTests : IAsyncLifetime
{
    private const string Now = "2026-11-23T12:00:00Z";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-plan-inputs-");
    private OcmSimulator _simulator = null!;

    private static string Org => RepositoryPaths.Example("sectors-org.yaml");

    private static string Fleet => RepositoryPaths.Example("sectors-fleet.yaml");

    private static string History => RepositoryPaths.Example("sectors-history.json");

    public async Task InitializeAsync() =>
        _simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetPath = Fleet, InitialTime = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero) },
            CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Plan_WithState_PlansFromTheStoredHistory_AsWithTheHistoryFile()
    {
        var state = await StoreWithTheExampleHistoryAsync();

        var fromFile = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--history", History, "--now", Now, "-o", "json");
        var fromStore = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--state", state, "--now", Now, "-o", "json");

        fromStore.ExitCode.ShouldBe(0, fromStore.Stderr);
        fromStore.Stdout.ShouldBe(fromFile.Stdout);
    }

    [Fact]
    public async Task Plan_HistoryFilesWinOverTheStore()
    {
        var state = await StoreWithTheExampleHistoryAsync();
        var empty = Path.Combine(_directory.FullName, "empty.json");
        await File.WriteAllTextAsync(empty, "{}");

        var fromEmptyFile = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--history", empty, "--now", Now, "-o", "json");
        var withBoth = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--history", empty, "--state", state, "--now", Now, "-o", "json");

        withBoth.Stdout.ShouldBe(fromEmptyFile.Stdout);
        var fromStore = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--state", state, "--now", Now, "-o", "json");
        fromStore.Stdout.ShouldNotBe(fromEmptyFile.Stdout, "the stored history changes the plan, so the file really won");
    }

    [Fact]
    public async Task ExplainAndReport_ReadTheStoreToo()
    {
        var state = await StoreWithTheExampleHistoryAsync();

        var report = await CliRun.RunAsync("report", "--config", Org, "--fleet", Fleet, "--state", state, "--now", Now, "-o", "json");
        var reportFromFile = await CliRun.RunAsync("report", "--config", Org, "--fleet", Fleet, "--history", History, "--now", Now, "-o", "json");
        var explain = await CliRun.RunAsync("explain", "prod-1", "--config", Org, "--fleet", Fleet, "--state", state, "--now", Now);
        var explainFromFile = await CliRun.RunAsync("explain", "prod-1", "--config", Org, "--fleet", Fleet, "--history", History, "--now", Now);

        report.Stdout.ShouldBe(reportFromFile.Stdout);
        explain.Stdout.ShouldBe(explainFromFile.Stdout);
    }

    [Fact]
    public async Task Plan_WithAStateFileThatDoesNotExist_PlansFromEmptyHistories_AndCreatesNothing()
    {
        var state = Path.Combine(_directory.FullName, "never.db");

        var run = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--state", state, "--now", Now);

        run.ExitCode.ShouldBe(0, run.Stderr);
        File.Exists(state).ShouldBeFalse("planning reads the store and never creates one");
    }

    [Fact]
    public async Task Plan_WithOcmUrlExported_PlansAgainstOcm()
    {
        var (exitCode, stdout, stderr) = await ChildProcess.RunAusAsync(["plan", "--config", Org, "--history", History, "--now", Now], OcmEnvironment());

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        stdout.ShouldContain("stage-1");
        stdout.ShouldContain("4.16.9");
    }

    [Fact]
    public async Task Plan_WithASettingsFile_ReachesOcmAsRunDoes()
    {
        var settings = Path.Combine(_directory.FullName, "settings.yaml");
        await File.WriteAllTextAsync(settings, $"environments:\n- name: production\n  url: {_simulator.BaseUrl}\n  tokenUrl: {_simulator.TokenUrl}\n");
        var environment = OcmEnvironment();
        environment["OCM_URL"] = null;
        environment["OCM_TOKEN_URL"] = null;

        var (exitCode, stdout, stderr) = await ChildProcess.RunAusAsync(["plan", "--config", Org, "--settings", settings, "--history", History, "--now", Now, "-o", "json"], environment);
        var (_, offline, _) = await ChildProcess.RunAusAsync(["plan", "--config", Org, "--fleet", Fleet, "--history", History, "--now", Now, "-o", "json"], environment);

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        stdout.ShouldBe(offline, "the simulator serves the same fleet as the file");
    }

    [Fact]
    public async Task Plan_FromOcmWithoutAnyHistory_WarnsThatTheOrganizationHasNone()
    {
        var (exitCode, _, stderr) = await ChildProcess.RunAusAsync(["plan", "--config", Org, "--now", Now], OcmEnvironment());

        exitCode.ShouldBe(0);
        stderr.ShouldContain("aus: warning: organization org-sectors: no soak history found");
    }

    [Fact]
    public async Task Plan_FromAFleetFileWithoutHistory_DoesNotWarn()
    {
        var run = await CliRun.RunAsync("plan", "--config", Org, "--fleet", Fleet, "--now", Now);

        run.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Plan_WithNeitherFleetNorOcm_SaysHowToNameOne()
    {
        var (exitCode, _, stderr) = await ChildProcess.RunAusAsync(
            ["plan", "--config", Org, "--now", Now],
            new Dictionary<string, string?> { ["OCM_URL"] = null, ["AUS_SETTINGS"] = null });

        exitCode.ShouldBe(2);
        stderr.ShouldBe("aus: error: give --fleet FILE, or reach OCM with --ocm-url URL, OCM_URL or a settings file (--settings FILE, AUS_SETTINGS)\n");
    }

    private async Task<string> StoreWithTheExampleHistoryAsync()
    {
        var state = Path.Combine(_directory.FullName, $"state-{Guid.NewGuid():N}.db");
        var import = await CliRun.RunAsync("state", "import", History, "--org", "org-sectors", "--state", state);
        import.ExitCode.ShouldBe(0, import.Stderr);
        return state;
    }

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
}
