using Aus.TestKit;

namespace Aus.Cli.Tests.Plan;

/// <summary>`aus plan` on the repository's examples, in each of its three outputs, against golden files.</summary>
public sealed class PlanGoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in new[] { "simple", "mutex", "sectors" })
        {
            foreach (var output in new[] { "table", "json", "markdown" })
            {
                data.Add(example, output);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Plan_OnExample_PrintsTheGoldenOutput(string example, string output)
    {
        List<string> args = ["plan", "--config", RepositoryPaths.Example($"{example}-org.yaml"), "--fleet", RepositoryPaths.Example($"{example}-fleet.yaml"), "--now", "2026-11-23T12:00:00Z", "--output", output];
        var history = RepositoryPaths.Example($"{example}-history.json");
        if (File.Exists(history))
        {
            args.AddRange(["--history", history]);
        }

        var (exitCode, stdout, stderr) = await CliRun.RunAsync([.. args]);

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        Golden.Verify(stdout, $"tests/Aus.Cli.Tests/Golden/plan-{example}.{(output == "markdown" ? "md" : output == "json" ? "json" : "txt")}");
    }

    /// <summary>
    /// The sectors example with two add-ons, five minutes before a slot of its "0 * * * *" schedule:
    /// inside the 10-minute add-on window, so the stage clusters' add-ons are upgraded.
    /// </summary>
    [Theory]
    [InlineData("table", "txt")]
    [InlineData("json", "json")]
    [InlineData("markdown", "md")]
    public async Task Plan_OnTheAddonsExample_PrintsTheGoldenOutput(string output, string extension)
    {
        var (exitCode, stdout, stderr) = await CliRun.RunAsync(
            "plan", "--config", RepositoryPaths.Example("sectors-addons-org.yaml"), "--fleet", RepositoryPaths.Example("sectors-addons-fleet.yaml"),
            "--now", "2026-11-23T11:55:00Z", "--output", output);

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        Golden.Verify(stdout, $"tests/Aus.Cli.Tests/Golden/plan-sectors-addons.{extension}");
    }
}
