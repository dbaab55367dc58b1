using Aus.TestKit;

namespace Aus.Cli.Tests.Usage;

/// <summary>A file given to the option of another kind of file: the error names the right option, with the usage exit status.</summary>
public sealed class WrongFileKindTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-kind-");

    public void Dispose() => _directory.Delete(recursive: true);

    private const string Now = "2026-11-23T12:00:00Z";

    [Fact]
    public async Task AFleetSnapshotGivenAsConfig_SaysToGiveItWithFleet()
    {
        var fleet = RepositoryPaths.Example("sectors-fleet.yaml");

        var run = await CliRun.RunAsync("plan", "--config", fleet, "--fleet", fleet, "--now", Now);

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {fleet}: this is a fleet snapshot; give it with --fleet"]);
    }

    [Fact]
    public async Task AnOrganizationFileGivenAsFleet_SaysToGiveItWithConfig_WithTheSameStatus()
    {
        var organization = RepositoryPaths.Example("sectors-org.yaml");

        var run = await CliRun.RunAsync("plan", "--config", organization, "--fleet", organization, "--now", Now);

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {organization}: this is an organization file; give it with --config"]);
    }

    [Fact]
    public async Task AnOrganizationFileGivenAsForecastFleet_SaysToGiveItWithConfig_WithTheSameStatus()
    {
        var organization = RepositoryPaths.Example("sectors-org.yaml");

        var run = await CliRun.RunAsync("forecast", "--config", organization, "--fleet", organization, "--now", Now, "--release", "4.16.10@2026-11-23T15:00:00Z");

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {organization}: this is an organization file; give it with --config"]);
    }

    [Fact]
    public async Task AnOrganizationFileGivenAsFromLabelsFleet_SaysToGiveItWithConfig_WithTheSameStatus()
    {
        var organization = RepositoryPaths.Example("sectors-org.yaml");

        var run = await CliRun.RunAsync("policy", "from-labels", "--org", "org-sectors", "--fleet", organization);

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {organization}: this is an organization file; give it with --config"]);
    }

    [Fact]
    public async Task AHistoryGivenAsFromLabelsFleet_SaysToGiveItWithHistory()
    {
        var history = RepositoryPaths.Example("sectors-history.json");

        var run = await CliRun.RunAsync("policy", "from-labels", "--org", "org-sectors", "--fleet", history);

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {history}: this is a soak history; give it with --history"]);
    }

    [Fact]
    public async Task AHistoryGivenAsConfig_SaysToGiveItWithHistory()
    {
        var history = RepositoryPaths.Example("sectors-history.json");

        var run = await CliRun.RunAsync("report", "--config", history, "--fleet", RepositoryPaths.Example("sectors-fleet.yaml"), "--now", Now);

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {history}: this is a soak history; give it with --history"]);
    }

    [Fact]
    public async Task ABrokenFleetSnapshot_IsStillReportedByTheFleetReader()
    {
        var broken = Path.Combine(_directory.FullName, "fleet.yaml");
        await File.WriteAllTextAsync(broken, "organizations: [\n");

        var run = await CliRun.RunAsync("plan", "--config", RepositoryPaths.Example("sectors-org.yaml"), "--fleet", broken, "--now", Now);

        run.Stderr.ShouldNotContain("give it with --config");
        run.Stderr.ShouldContain("YAML syntax error");
    }

    [Fact]
    public async Task AnUnquotedStarSchedule_SaysToQuoteIt()
    {
        var organization = Path.Combine(_directory.FullName, "org.yaml");
        var text = await File.ReadAllTextAsync(RepositoryPaths.Example("simple-org.yaml"));
        await File.WriteAllTextAsync(organization, System.Text.RegularExpressions.Regex.Replace(text, @"schedule: .*", "schedule: * * * * *"));

        var run = await CliRun.RunAsync("validate", organization);

        run.ExitCode.ShouldNotBe(0);
        (run.Stdout + run.Stderr).ShouldContain("a value starting with '*' must be quoted");
        (run.Stdout + run.Stderr).ShouldNotContain("While scanning an anchor or alias");
    }
}
