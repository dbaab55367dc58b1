using Aus.TestKit;

namespace Aus.Cli.Tests.Plan;

/// <summary>Histories given to `aus plan`: a missing file is an error (a typo must not reset soak clocks), `{}` is a first run.</summary>
public sealed class PlanHistoryTests
{
    private static readonly string[] Inputs =
    [
        "plan", "--config", RepositoryPaths.Example("simple-org.yaml"), "--fleet", RepositoryPaths.Example("simple-fleet.yaml"), "--now", "2026-11-23T12:00:00Z",
    ];

    [Fact]
    public async Task Plan_WithAMissingHistoryFile_FailsAndSaysHowToStartEmpty()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"aus-missing-{Guid.NewGuid():N}.json");

        var (exitCode, stdout, stderr) = await CliRun.RunAsync([.. Inputs, "--history", missing]);

        exitCode.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe($"aus: error: --history {missing}: no such file; for a first run, give a file holding {{}} (an empty history)\n");
    }

    [Fact]
    public async Task Plan_WithAnEmptyHistory_ChecksEveryClusterInWithoutSoak()
    {
        var directory = Directory.CreateTempSubdirectory("aus-history-");
        var empty = Path.Combine(directory.FullName, "empty.json");
        var output = Path.Combine(directory.FullName, "out.json");
        await File.WriteAllTextAsync(empty, "{}");

        var (exitCode, _, _) = await CliRun.RunAsync([.. Inputs, "--history", empty, "--history-out", output]);

        exitCode.ShouldBe(0);
        var written = await File.ReadAllTextAsync(output);
        written.ShouldContain("\"check_in\": \"2026-11-23T12:00:00+00:00\"");
        written.ShouldContain("\"reporting\": [\n            \"stage-1\",\n            \"prod-1\",\n            \"prod-2\"\n          ]");
        directory.Delete(recursive: true);
    }
}
