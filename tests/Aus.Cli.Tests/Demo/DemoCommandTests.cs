using System.CommandLine;
using Aus.TestKit;

namespace Aus.Cli.Tests.Demo;

/// <summary>`aus demo` on the command line: options, pacing, the report, the horizon and usage errors.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_WithReport_WritesTheFleetReportAtTheEnd()
    {
        var report = Path.Combine(Path.GetTempPath(), $"aus-demo-report-{Guid.NewGuid():N}.md");
        try
        {
            var run = await CliRun.RunAsync("demo", "--speed", "0", "--report", report);

            run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
            run.Stdout.ShouldContain("Rollout of 4.16.10 complete");
            var text = await File.ReadAllTextAsync(report);
            text.ShouldStartWith("# Fleet upgrade policies");
            text.ShouldContain("# sectors-org");
            text.ShouldContain("\"cluster\": \"prod-4\"");
            text.ShouldContain("\"version\": \"4.16.10\"");
            text.ShouldNotContain("\"version\": \"4.16.9\"");
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Theory]
    [InlineData(".html", "<!DOCTYPE html>")]
    [InlineData(".HTM", "<!DOCTYPE html>")]
    [InlineData(".json", "{")]
    public async Task Demo_WithReport_WritesTheFormatTheExtensionNames(string extension, string start)
    {
        var report = Path.Combine(Path.GetTempPath(), $"aus-demo-report-{Guid.NewGuid():N}{extension}");
        try
        {
            var run = await CliRun.RunAsync("demo", "--speed", "0", "--report", report);

            run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
            var text = await File.ReadAllTextAsync(report);
            text.ShouldStartWith(start);
            text.ShouldContain("prod-4");
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task Demo_WithShortHorizon_StopsAndSaysHowFarTheRolloutGot()
    {
        var run = await CliRun.RunAsync("demo", "--speed", "0", "--days", "1");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
        run.Stdout.ShouldContain("Rollout of 4.16.10 not complete after 1d: 2 of 6 clusters run it (24 passes).");
        var rows = new DemoOutput(run.Stdout).SummaryRows;
        rows["stage-1"][4].ShouldStartWith("2026-11-23 ");
        rows["prod-1"][4].ShouldBe("not yet");
    }

    [Fact]
    public async Task Demo_PausesBetweenPassesAsTheSpeedSays()
    {
        // Two simulated hours per second and a pass an hour: half a second between passes.
        var time = new InstantTimeProvider();
        var (exitCode, stdout, stderr) = await RunAsync(time, "demo", "--days", "1");

        exitCode.ShouldBe(ExitCodes.Success, stderr);
        stdout.ShouldContain("at 2 simulated hours per second");
        time.Waits.Count.ShouldBe(24);
        time.Waits.ShouldAllBe(w => w == TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Demo_WithSpeedZero_NeverPauses()
    {
        var time = new InstantTimeProvider();
        var (exitCode, _, stderr) = await RunAsync(time, "demo", "--days", "1", "--speed", "0", "--pass-minutes", "30");

        exitCode.ShouldBe(ExitCodes.Success, stderr);
        time.Waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Demo_OnTheUsersFiles_RollsTheReleaseOutThere()
    {
        var run = await CliRun.RunAsync(
            "demo", "--speed", "0",
            "--config", RepositoryPaths.Example("mutex-org.yaml"),
            "--fleet", RepositoryPaths.Example("mutex-fleet.yaml"),
            "--history", RepositoryPaths.Example("mutex-history.json"),
            "--release", "4.16.11");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
        run.Stdout.ShouldContain("organization mutex-org (org-mutex): 3 clusters: no sector [stage-1, prod-1, prod-2]");
        run.Stdout.ShouldContain("OCM publishes 4.16.11 in stable-4.16");
        run.Stdout.ShouldContain("Rollout of 4.16.11 complete");
        var rows = new DemoOutput(run.Stdout).SummaryRows;
        rows.Keys.First().ShouldBe("stage-1");
    }

    [Fact]
    public async Task Demo_WithAddons_OnTheUsersFiles_FollowsTheCatalogsAddonVersions()
    {
        var history = Path.Combine(Path.GetTempPath(), $"aus-demo-addon-history-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(history, "{\"check_in\": \"2026-11-20T11:00:00Z\", \"versions\": {\"5.8.3\": {\"workloads\": {\"my-service\": {\"soak_days\": 30.0, \"reporting\": []}}}}}");
        try
        {
            var run = await CliRun.RunAsync(
                "demo", "--speed", "0", "--addons", "--days", "1",
                "--config", RepositoryPaths.Example("sectors-addons-org.yaml"),
                "--fleet", RepositoryPaths.Example("sectors-addons-fleet.yaml"),
                "--history", RepositoryPaths.Example("sectors-history.json"),
                "--history", $"org-sectors-addons/addon-logging={history}",
                "--start", "2026-11-23T11:55:00Z");

            run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
            run.Stdout.ShouldContain("the add-on catalog offers addon-logging 5.8.3, addon-metrics 1.5.0");
            run.Stdout.ShouldNotContain("OCM publishes the add-on versions");

            // addon-logging 5.8.3 has soaked 30 days by the history given for the add-on (ORGID/ADDON_ID=FILE), so once stage
            // runs it prod-blue does not wait for soak; addon-metrics 1.5.0 has no such history and soaks first.
            run.Stdout.ShouldContain("pass 1: prod-1 add-on addon-logging (prod-blue, mutex blue-mutex, runs 5.8.1): sector-dependency: sector prod-blue waits for stage");
            run.Stdout.ShouldContain("pass 3: prod-1 add-on addon-logging (prod-blue, mutex blue-mutex, runs 5.8.1): scheduled");
            run.Stdout.ShouldContain("pass 3: prod-1 add-on addon-metrics (prod-blue, mutex blue-mutex, runs 1.4.0): soaking");
            var rows = new DemoOutput(run.Stdout).AddonSummaryRows;
            rows[("addon-logging", "stage-1")][6].ShouldBe("2026-11-23 13:31");
        }
        finally
        {
            File.Delete(history);
        }
    }

    [Fact]
    public async Task Demo_WithAddons_OnFilesWhereNoOrganizationManagesAddons_IsAUsageError()
    {
        var run = await CliRun.RunAsync(
            "demo", "--addons",
            "--config", RepositoryPaths.Example("mutex-org.yaml"),
            "--fleet", RepositoryPaths.Example("mutex-fleet.yaml"));

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Stderr.ShouldContain("aus: error: --addons: none of the organization files manages add-on upgrades (addonManagedUpgrades: true)");
        run.Stdout.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--release", "latest", "--release 'latest' is not a version")]
    [InlineData("--speed", "-1", "--speed -1 must be 0 (no pauses) or a positive number")]
    [InlineData("--days", "0", "--days 0 must be a positive number")]
    [InlineData("--pass-minutes", "0", "--pass-minutes 0 must be a positive number")]
    [InlineData("--start", "yesterday", "--start 'yesterday' is not an RFC 3339 time")]
    [InlineData("--config", "examples/mutex-org.yaml", "--config and --fleet go together")]
    [InlineData("--history", "examples/mutex-history.json", "--history goes with --config and --fleet")]
    public async Task Demo_WithBadOptions_IsAUsageError(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("demo", option, value);

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Stderr.ShouldContain($"aus: error: {message}");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Demo_WithAnInvalidFleet_SaysWhereAndStartsNothing()
    {
        var fleet = Path.Combine(Path.GetTempPath(), $"aus-demo-fleet-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(fleet, "organizations:\n- orgId: org-mutex\n  clusters:\n  - {name: stage-1, channel: stable-4.16, version: banana}\n");
        try
        {
            var run = await CliRun.RunAsync("demo", "--config", RepositoryPaths.Example("mutex-org.yaml"), "--fleet", fleet);

            run.ExitCode.ShouldBe(ExitCodes.Usage);
            run.Stderr.ShouldContain(fleet);
            run.Stderr.ShouldContain("banana");
            run.ShouldHaveNoStackTrace();
        }
        finally
        {
            File.Delete(fleet);
        }
    }

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeProvider time, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AusCommandLine.Create(time).Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
