using Aus.Cli.Tests.Demo;
using Aus.Simulator;
using Aus.TestKit;

namespace Aus.Cli.Tests.Readme;

/// <summary>
/// Every command in README.md works as written. The quick start is exactly two commands: the demo
/// and the test command that CI runs. The `aus` commands run as a separate process, as a person's
/// shell would run them, with the environment the README's `export` lines set; only the real OCM
/// URL is replaced by an OCM simulator that accepts the README's example credentials.
/// </summary>
public sealed class ReadmeTests
{
    private const string DemoPrefix = "dotnet run --project src/Aus.Cli -- ";
    private const string RealOcm = "https://api.openshift.com";
    private static readonly string AusDll = Path.Combine(AppContext.BaseDirectory, "aus.dll");

    public static TheoryData<string> AusCommands()
    {
        var data = new TheoryData<string>();
        foreach (var line in ReadmeCommands.All.Where(l => l.StartsWith("aus ", StringComparison.Ordinal) && !Installing(l)))
        {
            data.Add(line);
        }

        return data;
    }

    [Fact]
    public void QuickStart_IsTwoCommands_TheDemoAndTheTests()
    {
        var quickStart = ReadmeCommands.Under("Quick start");

        quickStart.Count.ShouldBe(2);
        quickStart[0].ShouldBe(DemoPrefix + "demo");
        quickStart[1].ShouldBe(CiTestCommand());
    }

    [Fact]
    public void QuickStart_TestCommand_IsWhatCiRuns()
    {
        var ci = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".ci", "run"));

        ci.ShouldContain(l => l.StartsWith(ReadmeCommands.Under("Quick start")[1] + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuickStart_Demo_ShowsTheRolloutInAboutAMinute()
    {
        var args = ReadmeCommands.Under("Quick start")[0][DemoPrefix.Length..];
        var time = new InstantTimeProvider();

        var (exitCode, stdout, stderr) = await DemoCommandTests.RunAsync(time, ReadmeCommands.Words(args));

        exitCode.ShouldBe(ExitCodes.Success, stderr);
        stdout.ShouldContain("Rollout of 4.16.10 complete: every cluster runs it");
        var pauses = TimeSpan.FromTicks(time.Waits.Sum(w => w.Ticks));
        pauses.ShouldBeGreaterThan(TimeSpan.FromSeconds(20), "slow enough to watch");
        pauses.ShouldBeLessThan(TimeSpan.FromMinutes(2), "quick enough for a first look");
    }

    [Fact]
    public void EveryCommand_IsOneTheTestsRun()
    {
        var unknown = ReadmeCommands.All.Where(l => !(
            l.StartsWith(DemoPrefix, StringComparison.Ordinal)
            || l == CiTestCommand()
            || l.StartsWith("export ", StringComparison.Ordinal)
            || l.StartsWith("aus ", StringComparison.Ordinal)
            || Installing(l)
            || l == "kubectl apply -k deploy/")).ToList();

        unknown.ShouldBeEmpty();
        ReadmeCommands.All.Count(l => l.StartsWith("aus ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void Kubectl_AppliesAKustomizationThatExists()
    {
        ReadmeCommands.All.ShouldContain("kubectl apply -k deploy/");
        File.Exists(Path.Combine(RepositoryPaths.Root, "deploy", "kustomization.yaml")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(AusCommands))]
    public async Task AusCommand_RunsAsWritten(string line)
    {
        var environment = ExportedEnvironment(line);
        await using var simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions
            {
                FleetPath = RepositoryPaths.Example("sectors-fleet.yaml"),
                ClientId = environment.GetValueOrDefault("OCM_CLIENT_ID") ?? "aus-sim",
                ClientSecret = environment.GetValueOrDefault("OCM_CLIENT_SECRET") ?? "aus-sim",
            },
            CancellationToken.None);
        var words = ReadmeCommands.Words(line).Skip(1).Select(w => w == RealOcm ? simulator.BaseUrl.ToString() : w).ToList();
        environment["OCM_TOKEN_URL"] = simulator.TokenUrl.ToString();

        // A state store of the test's own, should a command want one, never the user's.
        var home = Directory.CreateTempSubdirectory("aus-readme-");
        environment["XDG_DATA_HOME"] = home.FullName;
        try
        {
            var run = await ShellProcess.RunAsync(ShellProcess.Dotnet, [AusDll, .. words], RepositoryPaths.Root, environment, TimeSpan.FromMinutes(2));

            run.ExitCode.ShouldBe(ExitCodes.Success, $"{line}\n{run.Stdout}\n{run.Stderr}");
            run.Stdout.ShouldNotBeEmpty();
            run.ShouldHaveNoStackTrace();
            if (words.Contains("plan") && line.Contains(RealOcm, StringComparison.Ordinal))
            {
                simulator.Stats.Count("GET /api/clusters_mgmt/v1/clusters").ShouldBeGreaterThan(0, "the plan read the fleet from OCM");
                run.Stdout.ShouldContain("prod-1");
            }
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>The `export` lines above the command in the README, as the shell would have them.</summary>
    private static Dictionary<string, string?> ExportedEnvironment(string line)
    {
        // The tests' own OCM_* variables, if any, must not leak into the commands.
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["OCM_URL"] = null, ["OCM_TOKEN_URL"] = null, ["OCM_CLIENT_ID"] = null, ["OCM_CLIENT_SECRET"] = null, ["OCM_TOKEN"] = null, ["AUS_STATE"] = null,
        };
        foreach (var previous in ReadmeCommands.All.TakeWhile(l => l != line).Where(l => l.StartsWith("export ", StringComparison.Ordinal)))
        {
            foreach (var assignment in ReadmeCommands.Words(previous).Skip(1))
            {
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                equals.ShouldBeGreaterThan(0, previous);
                environment[assignment[..equals]] = assignment[(equals + 1)..];
            }
        }

        return environment;
    }

    private static bool Installing(string line) =>
        line.StartsWith("dotnet pack ", StringComparison.Ordinal) || line.StartsWith("dotnet tool install ", StringComparison.Ordinal) || line == "aus --version";

    private static string CiTestCommand() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".ci", "run"))
            .Select(l => l.Trim())
            .Single(l => l.StartsWith("dotnet test ", StringComparison.Ordinal))
            .Split(" 2>&1", 2)[0];
}
