using System.Diagnostics;
using Aus.Cli.Tests.Service;

namespace Aus.Cli.Tests.Notifications;

/// <summary>
/// `aus run` and `aus serve` with a settings file whose environment has a signed webhook, against the OCM simulator:
/// in process, and as a child process killed with SIGKILL while a notification is in flight.
/// Nothing is ever received twice.
/// </summary>
public sealed class RunNotificationTests
{
    private const string Secret = "hook-secret-0123";

    [Fact]
    public async Task AusRun_PostsSignedEvents_ADryRunNone_AndASecondRunNothingAgain()
    {
        await using var receiver = new CloudEventReceiver();
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = await WriteSettingsAsync(bed, receiver.Url);
        bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));

        var dryRun = await CliRun.RunAsync("run", "--settings", settings, "--clock", "ocm-sim", "--dry-run");
        dryRun.ExitCode.ShouldBe(0, dryRun.Stderr);
        receiver.Events.ShouldBeEmpty("a dry run sends nothing");

        var run = await CliRun.RunAsync("run", "--settings", settings, "--clock", "ocm-sim");
        run.ExitCode.ShouldBe(0, run.Stderr);
        receiver.Events.Select(e => (e.Type, e.Subject)).ShouldBe([("aus.upgrade-scheduled", "a-1"), ("aus.upgrade-scheduled", "a-2")], ignoreOrder: true);
        receiver.Events.ShouldAllBe(e => e.SignedWith(Secret));

        var again = await CliRun.RunAsync("run", "--settings", settings, "--clock", "ocm-sim");
        again.ExitCode.ShouldBe(0, again.Stderr);
        receiver.Events.Count.ShouldBe(2, "the policies exist: nothing new to announce");
    }

    [Fact]
    public async Task AusRun_KilledWhileANotificationIsInFlight_NothingIsSentTwice_AfterRestarts()
    {
        await using var receiver = new CloudEventReceiver();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Respond = async (_, stopping) =>
        {
            // The first request never gets an answer: aus is killed while it waits.
            if (first.TrySetResult())
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
            }

            return (200, string.Empty);
        };
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = await WriteSettingsAsync(bed, receiver.Url);
        bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));

        using (var killed = StartRun(bed, settings))
        {
            await first.Task.WaitAsync(TimeSpan.FromSeconds(120));
            killed.Kill();
            await killed.WaitForExitAsync();
        }

        // The same time again, then the hours in which the upgrades start and complete.
        foreach (var hours in (int[])[0, 1, 2, 1])
        {
            bed.Simulator.Clock.Advance(TimeSpan.FromHours(hours));
            using var run = StartRun(bed, settings);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var errors = run.StandardError.ReadToEndAsync(timeout.Token);
            await run.WaitForExitAsync(timeout.Token);
            run.ExitCode.ShouldBe(0, await errors);
        }

        var events = receiver.Events;
        events.Select(e => e.Id).ShouldBeUnique();
        events.ShouldAllBe(e => e.SignedWith(Secret));

        // At most once: the scheduled event in flight at the kill was received once, and the one
        // queued behind it died with the process; the later events of both clusters arrived once each.
        events.Count(e => e.Type == "aus.upgrade-scheduled").ShouldBe(1);
        events.Where(e => e.Type == "aus.upgrade-started").Select(e => e.Subject).ShouldBe(["a-1", "a-2"], ignoreOrder: true);
        events.Where(e => e.Type == "aus.upgrade-completed").Select(e => e.Subject).ShouldBe(["a-1", "a-2"], ignoreOrder: true);
    }

    [Fact]
    public async Task AusServe_PostsThePassesEvents_AndStopsCleanly()
    {
        await using var receiver = new CloudEventReceiver();
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = await WriteSettingsAsync(bed, receiver.Url, "interval: 1h\nlisten: 127.0.0.1:0\n");
        bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));

        using (var serve = ServeProcess.Start(settings, new Dictionary<string, string> { ["AUS_SETTINGS"] = string.Empty, ["AUS_STATE"] = string.Empty }))
        {
            await serve.WaitForPassesAsync(1);
            (await serve.TerminateAsync()).ShouldBe(0, "SIGTERM stops aus serve cleanly, notifications included");
        }

        receiver.Events.Select(e => (e.Type, e.Subject)).ShouldBe([("aus.upgrade-scheduled", "a-1"), ("aus.upgrade-scheduled", "a-2")], ignoreOrder: true);
        receiver.Events.ShouldAllBe(e => e.SignedWith(Secret));
    }

    [Fact]
    public async Task ASlackWebhookUrlThatIsNotAUrl_IsAStartUpError_NamingTheSetting()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var urlFile = Path.Combine(bed.Directory, "slack-url");
        await File.WriteAllTextAsync(urlFile, "hooks.slack.example/services/T0/B0/x");
        var ocmSecretFile = Path.Combine(bed.Directory, "ocm-secret");
        await File.WriteAllTextAsync(ocmSecretFile, bed.Simulator.ClientSecret);
        var settings = Path.Combine(bed.Directory, "aus.yaml");
        await File.WriteAllTextAsync(settings, $"""
            environments:
            - name: production
              url: {bed.Simulator.BaseUrl}
              tokenUrl: {bed.Simulator.TokenUrl}
              credentials: {"{"}clientId: {bed.Simulator.ClientId}, clientSecretFile: {ocmSecretFile}{"}"}
              notifications:
              - slack: {"{"}webhookUrlFile: {urlFile}{"}"}
            policies: [{bed.PoliciesDirectory}]
            state: {bed.StateFile}
            """);

        var run = await CliRun.RunAsync("run", "--settings", settings, "--clock", "ocm-sim");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain($"aus: error: environment production.notifications[0].slack: the incoming-webhook URL in file {urlFile} is not an http or https URL");
        bed.Simulator.Stats.Count("POST /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies", 201).ShouldBe(0, "nothing is done before the settings are right");
        File.Exists(bed.StateFile).ShouldBeFalse("a start that fails creates no store");
    }

    private static async Task<string> WriteSettingsAsync(ServiceTestBed bed, Uri webhook, string more = "")
    {
        var secretFile = Path.Combine(bed.Directory, "hook-secret");
        var ocmSecretFile = Path.Combine(bed.Directory, "ocm-secret");
        await File.WriteAllTextAsync(secretFile, Secret + "\n");
        await File.WriteAllTextAsync(ocmSecretFile, bed.Simulator.ClientSecret);
        var settings = Path.Combine(bed.Directory, "aus.yaml");
        await File.WriteAllTextAsync(settings, $"""
            environments:
            - name: production
              url: {bed.Simulator.BaseUrl}
              tokenUrl: {bed.Simulator.TokenUrl}
              credentials: {"{"}clientId: {bed.Simulator.ClientId}, clientSecretFile: {ocmSecretFile}{"}"}
              notifications:
              - webhook: {"{"}url: '{webhook}', secretFile: {secretFile}{"}"}
            policies: [{bed.PoliciesDirectory}]
            state: {bed.StateFile}
            {more}
            """);
        return settings;
    }

    /// <summary>`aus run` as a child process (the built aus.dll beside the tests), on the simulator's clock.</summary>
    private static Process StartRun(ServiceTestBed bed, string settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "aus.dll"), "run", "--settings", settings, "--clock", "ocm-sim"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OCM_URL"] = bed.Simulator.BaseUrl.ToString();
        start.Environment["OCM_TOKEN_URL"] = bed.Simulator.TokenUrl.ToString();
        start.Environment["AUS_SETTINGS"] = string.Empty;
        start.Environment["AUS_STATE"] = string.Empty;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
