using Aus.TestKit;

namespace Aus.Cli.Tests.Forecast;

/// <summary>`aus forecast` on the sectors example: its three outputs against golden files, the what-if, and bad options.</summary>
public sealed class ForecastCommandTests
{
    private static string[] SectorsArgs(params string[] more) =>
    [
        "forecast",
        "--config", RepositoryPaths.Example("sectors-org.yaml"),
        "--fleet", RepositoryPaths.Example("sectors-fleet.yaml"),
        "--history", RepositoryPaths.Example("sectors-history.json"),
        "--now", "2026-11-23T12:00:00Z",
        "--release", "4.16.10@2026-11-23T15:00:00Z",
        .. more,
    ];

    [Theory]
    [InlineData("table", "txt")]
    [InlineData("json", "json")]
    [InlineData("markdown", "md")]
    public async Task Forecast_OnTheSectorsExample_PrintsTheGoldenOutput(string output, string extension)
    {
        var (exitCode, stdout, stderr) = await CliRun.RunAsync(SectorsArgs("--output", output));

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        Golden.Verify(stdout, $"tests/Aus.Cli.Tests/Golden/forecast-sectors.{extension}");
    }

    [Fact]
    public async Task Baseline_PrintsEachChangedClusterWithItsShiftAndPolicyChange()
    {
        var directory = Directory.CreateTempSubdirectory("aus-forecast-");
        try
        {
            var baseline = Directory.CreateDirectory(Path.Combine(directory.FullName, "baseline"));
            var proposed = Path.Combine(directory.FullName, "proposed.yaml");
            File.Copy(RepositoryPaths.Example("sectors-org.yaml"), Path.Combine(baseline.FullName, "sectors-org.yaml"));
            File.WriteAllText(proposed, File.ReadAllText(RepositoryPaths.Example("sectors-org.yaml")).Replace("soakDays: 7", "soakDays: 2", StringComparison.Ordinal));
            var args = SectorsArgs("--baseline", baseline.FullName, "--output", "markdown");
            args[2] = proposed;

            var (exitCode, stdout, stderr) = await CliRun.RunAsync(args);

            stderr.ShouldBeEmpty();
            exitCode.ShouldBe(0);
            stdout.ShouldContain("- prod-1: Nov 27 07:30 -> Nov 24 19:30 (-2.5d): soakDays 7 -> 2\n");
            stdout.ShouldNotContain("stage-1");
            stdout.ShouldContain("- sectors-org: Nov 27 13:30 -> Nov 25 01:30 (-2.5d)\n");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--release", "4.16", "'4.16' is not a version")]
    [InlineData("--release", "4.16.10@tomorrow", "'tomorrow' is not an RFC 3339 time")]
    [InlineData("--horizon", "forever", "--horizon 'forever' is not a positive duration")]
    [InlineData("--interval", "0m", "--interval '0m' is not a positive duration")]
    public async Task A_bad_option_is_a_usage_error_that_names_it(string option, string value, string message)
    {
        var args = SectorsArgs().ToList();
        var existing = args.IndexOf(option);
        if (existing >= 0)
        {
            args[existing + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = await CliRun.RunAsync([.. args]);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain(message);
        run.Stdout.ShouldBeEmpty();
    }
}
