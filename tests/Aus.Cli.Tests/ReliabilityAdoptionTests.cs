using System.Diagnostics;
using Aus.Application.Reconcile;
using Aus.Ocm;
using Aus.Ocm.Configuration;
using Aus.Ocm.Ports;
using Aus.Policies.Organizations;
using Aus.Simulator;
using Aus.Storage;
using Aus.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests;

/// <summary>
/// The commands keep the libraries' reliability promises: refused files are never opened again, one
/// exit-status rule for every command, histories read with the pass's time, clear store errors.
/// </summary>
public sealed class ReliabilityAdoptionTests : IDisposable
{
    private const string Now = "2026-11-23T12:00:00Z";
    private readonly string _dir = Directory.CreateTempSubdirectory("aus-reliability-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Plan(string config, params string[] more) =>
        ["plan", "--config", config, "--fleet", RepositoryPaths.Example("simple-fleet.yaml"), "--now", Now, .. more];

    [Fact]
    public async Task Plan_WithANamedPipeInTheConfigDirectory_ReportsItUnreadableInsteadOfWaitingForAWriter()
    {
        var config = Path.Combine(_dir, "config");
        Directory.CreateDirectory(config);
        File.Copy(RepositoryPaths.Example("simple-org.yaml"), Path.Combine(config, "simple-org.yaml"));
        var pipe = Path.Combine(config, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.ShouldBe(0);
        }

        // Opening a FIFO for reading blocks until a writer comes: the guard only keeps a regression from hanging CI.
        var run = await CliRun.RunAsync(Plan(config)).WaitAsync(TimeSpan.FromMinutes(2));

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldContain(l => l.StartsWith($"aus: error: {pipe}: ", StringComparison.Ordinal) && l.Contains("named pipe", StringComparison.Ordinal));
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Plan_WithAnUnreadableOrganizationFile_PrintsItAsACommandError()
    {
        var binary = Write("org.yaml", "name: a\0\n");

        var run = await CliRun.RunAsync(Plan(binary));

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {binary}: the file is binary (it contains NUL bytes); expected YAML or JSON text"]);
    }

    [Fact]
    public async Task AYamlSyntaxError_ExitsOne_InValidateAndInPlan()
    {
        var broken = Write("org.yaml", "name: a\norgId: [b\n");

        var validate = await CliRun.RunAsync("validate", broken);
        var plan = await CliRun.RunAsync(Plan(broken));

        validate.ExitCode.ShouldBe(1);
        plan.ExitCode.ShouldBe(1);
        plan.StderrLines.ShouldAllBe(l => l.StartsWith($"{broken}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInvalidHistory_ExitsOne_InValidateAndInPlan()
    {
        var history = Write("history.json", "{\"versions\": 5}");

        var validate = await CliRun.RunAsync("validate", history);
        var plan = await CliRun.RunAsync(Plan(RepositoryPaths.Example("simple-org.yaml"), "--history", history));

        validate.ExitCode.ShouldBe(1);
        plan.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Plan_WithAHistoryCheckedInAfterItsNow_IsRefusedAtCheckIn()
    {
        var history = Write("history.json", "{\"check_in\": \"2026-11-24T12:00:00+00:00\", \"versions\": {}}");

        var run = await CliRun.RunAsync(Plan(RepositoryPaths.Example("simple-org.yaml"), "--history", history));

        run.ExitCode.ShouldBe(1);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldStartWith($"{history}:1:");
        run.Stderr.ShouldContain("check_in");
    }

    [Fact]
    public async Task Validate_TwoFilesOfOneOrganization_IsAnErrorOfTheSecondNamingTheFirst()
    {
        var first = Write("a.yaml", "name: a\norgId: same\n");
        var second = Write("b.yaml", "name: b\norgId: same\n");

        var run = await CliRun.RunAsync("validate", first, second);

        run.ExitCode.ShouldBe(1);
        run.StderrLines.ShouldBe([$"{second}:2:8: error: orgId: organization 'same' is already given by {first}; each organization has one policy file"]);
        run.Stdout.ShouldBe("2 files checked: 1 error, 0 warnings\n");
    }

    [Fact]
    public async Task StateImport_OfAHistoryFromTheFuture_IsRefusedAsAnErrorLine()
    {
        var file = Write("future.json", "{\"check_in\": \"2999-01-01T00:00:00+00:00\", \"versions\": {}}");
        var state = Path.Combine(_dir, "state.db");

        var run = await CliRun.RunAsync("state", "import", file, "--org", "org-a", "--state", state);

        run.ExitCode.ShouldBe(1);
        run.StderrLines.Length.ShouldBe(1);
        run.StderrLines[0].ShouldStartWith($"aus: error: {file}: the history production/org-a has its check_in 2999-01-01");
        run.StderrLines[0].ShouldNotContain("Parameter");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task AStoredHistoryThatCannotBeRead_FailsItsOrganization_AndLaterPassesStillRun()
    {
        var start = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        await using var simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetPath = RepositoryPaths.Example("sectors-fleet.yaml"), InitialTime = start },
            CancellationToken.None);
        var document = await OrganizationReader.ReadFileAsync(RepositoryPaths.Example("sectors-org.yaml"), CancellationToken.None);
        var options = OcmClientOptionsFactory.FromEnvironment(
            name => name switch
            {
                OcmClientOptionsFactory.ClientIdVariable => simulator.ClientId,
                OcmClientOptionsFactory.ClientSecretVariable => simulator.ClientSecret,
                _ => null,
            },
            new OcmConnectionOverrides { OcmUrl = simulator.BaseUrl.ToString(), TokenUrl = simulator.TokenUrl.ToString() });
        using var client = OcmClient.Create(options.Options!);
        var statePath = Path.Combine(_dir, "state.db");
        await using var store = await StateStore.OpenAsync(statePath);
        var pass = new ReconcilePass(new ReconcilePorts(new OcmFleetSource(client), new OcmActionSink(client), new StorePassStore(store, "production")), new ReconcileSettings(), NullLogger.Instance);
        (await pass.RunAsync([InputFiles.ToConfig(document)], simulator.Clock.Now, CancellationToken.None)).Failed.ShouldBeFalse();

        // A history written by something else (an old version, a hand edit) that the reader refuses.
        await using (var connection = new SqliteConnection($"Data Source={statePath}"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE version_history SET document = '{\"versions\": 5}'";
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        simulator.Clock.Advance(TimeSpan.FromHours(1));
        var failed = await pass.RunAsync([InputFiles.ToConfig(document)], simulator.Clock.Now, CancellationToken.None);
        simulator.Clock.Advance(TimeSpan.FromHours(1));
        var next = await pass.RunAsync([InputFiles.ToConfig(document)], simulator.Clock.Now, CancellationToken.None);

        failed.Failure.ShouldBeNull();
        failed.Organizations.Single().Failure.ShouldNotBeNull().ShouldContain("stored history production/org-sectors");
        next.Organizations.Single().Failure.ShouldNotBeNull();
    }

    [Fact]
    public async Task OcmSim_OnAPortInUse_PrintsOneLineAndNoStackTrace()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "aus.dll"), "ocm-sim", "--fleet", RepositoryPaths.Example("simple-fleet.yaml"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        process.ExitCode.ShouldBe(2);
        (await stdout).ShouldBeEmpty();
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, await stderr);
        lines[0].ShouldStartWith($"aus: error: cannot listen on 127.0.0.1:{port}: ");
    }
}
