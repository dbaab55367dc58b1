using Aus.Cli.Tests.Readme;
using Aus.TestKit;

namespace Aus.Cli.Tests.Packaging;

/// <summary>
/// The README's install commands, run as written: pack the tool, install it globally, run
/// `aus --version`. "Globally" is a temporary home here, and the only package source is the
/// packed folder (a nuget.config that clears the others), so nothing is fetched and the machine's
/// own tools are left alone.
/// </summary>
[Collection(BuildsCollection.Name)]
public sealed class ToolPackageTests
{
    [Fact]
    public async Task ReadmeInstall_PacksInstallsAndRunsTheTool()
    {
        var commands = ReadmeCommands.Under("Install");
        commands.Count.ShouldBe(3);
        commands[0].ShouldStartWith("dotnet pack src/Aus.Cli ");
        commands[1].ShouldStartWith("dotnet tool install --global ");
        commands[2].ShouldBe("aus --version");

        var work = Directory.CreateTempSubdirectory("aus-tool-");
        try
        {
            var home = Path.Combine(work.FullName, "home");
            await File.WriteAllTextAsync(
                Path.Combine(work.FullName, "nuget.config"),
                "<configuration><packageSources><clear /><add key=\"artifacts\" value=\"artifacts\" /></packageSources></configuration>\n");
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["DOTNET_CLI_HOME"] = home,
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_ROOT"] = DotnetRoot(),
            };

            var pack = await RunDotnetAsync(commands[0], work.FullName, environment);
            pack.ExitCode.ShouldBe(0, pack.Stdout + pack.Stderr);
            Directory.GetFiles(Path.Combine(work.FullName, "artifacts"), "Aus.*.nupkg").ShouldNotBeEmpty();

            // A packages folder of its own: the machine's cache must neither serve an older build nor keep this one.
            environment["NUGET_PACKAGES"] = Path.Combine(work.FullName, "packages");
            var install = await RunDotnetAsync(commands[1], work.FullName, environment);
            install.ExitCode.ShouldBe(0, install.Stdout + install.Stderr);

            var tool = Path.Combine(home, ".dotnet", "tools", "aus");
            File.Exists(tool).ShouldBeTrue($"{commands[1]} put no aus into {Path.GetDirectoryName(tool)}");
            var version = await ShellProcess.RunAsync(tool, ReadmeCommands.Words(commands[2]).Skip(1), work.FullName, environment, TimeSpan.FromMinutes(1));
            version.ExitCode.ShouldBe(0, version.Stderr);
            version.Stdout.Trim().ShouldStartWith(AusCommandLine.Version.Split('+')[0]);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The .NET installation running the tests (shared/Microsoft.NETCore.App/VERSION three levels up), for the tool's launcher.</summary>
    private static string DotnetRoot() =>
        Directory.GetParent(Path.GetDirectoryName(typeof(object).Assembly.Location)!)!.Parent!.Parent!.FullName;

    /// <summary>Runs a README `dotnet ...` line in <paramref name="directory"/>, with the repository's paths (src/...) made absolute.</summary>
    internal static Task<CliRun> RunDotnetAsync(string line, string directory, IReadOnlyDictionary<string, string?> environment)
    {
        var words = ReadmeCommands.Words(line);
        words[0].ShouldBe("dotnet");
        var arguments = words.Skip(1).Select(w => w.StartsWith("src/", StringComparison.Ordinal) ? Path.Combine(RepositoryPaths.Root, w) : w);
        return ShellProcess.RunAsync(ShellProcess.Dotnet, arguments, directory, environment, TimeSpan.FromMinutes(8));
    }
}
