using Aus.TestKit;

namespace Aus.Cli.Tests.Plan;

/// <summary>`aus report`: the fleet report of reference-behaviour.md section 17 in markdown, JSON and HTML.</summary>
public sealed class ReportCommandTests
{
    private static readonly string[] Inputs =
    [
        "--config", RepositoryPaths.Example("mutex-org.yaml"), "--fleet", RepositoryPaths.Example("mutex-fleet.yaml"),
        "--history", RepositoryPaths.Example("mutex-history.json"), "--now", "2026-11-23T12:00:00Z",
    ];

    [Fact]
    public async Task Report_Markdown_MarksTheVersionEachClusterWouldGet()
    {
        var (exitCode, stdout, _) = await CliRun.RunAsync(["report", .. Inputs]);

        exitCode.ShouldBe(0);
        stdout.ShouldContain("# mutex-org");
        stdout.ShouldContain("```json:table");
        stdout.ShouldContain("\"soaking_upgrades\": \"4.16.9 (9.29 \\uD83C\\uDF89)\"");
    }

    [Fact]
    public async Task Report_Json_GivesSoakDaysPerVersion()
    {
        var (exitCode, stdout, _) = await CliRun.RunAsync(["report", .. Inputs, "-o", "json"]);

        exitCode.ShouldBe(0);
        var upgrade = System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("organizations")[0].GetProperty("clusters")[0].GetProperty("soakingUpgrades")[0];
        upgrade.GetProperty("version").GetString().ShouldBe("4.16.9");
        upgrade.GetProperty("soakDays").GetDouble().ShouldBe(9.29);
        upgrade.GetProperty("mark").GetString().ShouldBe("ready");
    }

    [Fact]
    public async Task Report_Html_IsTheFleetViewWithDecisionsAndNoReadyMarkOnAMutexLockedCluster()
    {
        var (exitCode, stdout, _) = await CliRun.RunAsync(["report", .. Inputs, "-o", "html"]);

        exitCode.ShouldBe(0);
        stdout.ShouldStartWith("<!DOCTYPE html>");
        stdout.ShouldContain("<caption>Clusters of mutex-org</caption>");
        stdout.ShouldContain("<code>skip</code> <code>mutex-locked</code><br>mutex prod is held by prod-1 (upgrading to 4.16.9)");
        stdout.ShouldContain("<tr><td>prod</td><td>prod-1</td><td>4.16.9</td></tr>");
        stdout.ShouldNotContain("&#127881;");
        stdout.ShouldNotContain("\U0001F389");
    }
}
