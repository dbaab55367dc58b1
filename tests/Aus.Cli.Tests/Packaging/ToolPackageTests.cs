using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
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
            // The package `dotnet tool install` finds, and one per platform it picks from: linux-x64
            // precompiled (ReadyToRun), "any" portable for every other platform.
            var artifacts = Path.Combine(work.FullName, "artifacts");
            var version = AusCommandLine.Version.Split('+')[0];
            Directory.GetFiles(artifacts, "Aus.*.nupkg").Select(Path.GetFileName).ShouldBe(
                [$"Aus.{version}.nupkg", $"Aus.linux-x64.{version}.nupkg", $"Aus.any.{version}.nupkg"], ignoreOrder: true);
            PackageMetadata_DescribesTheToolForAFeed(Path.Combine(artifacts, $"Aus.{version}.nupkg"));
            IsReadyToRun(Path.Combine(artifacts, $"Aus.linux-x64.{version}.nupkg")).ShouldBeTrue("the linux-x64 package is compiled ahead of time");
            IsReadyToRun(Path.Combine(artifacts, $"Aus.any.{version}.nupkg")).ShouldBeFalse("the portable package runs anywhere, so it carries IL only");

            // A packages folder of its own: the machine's cache must neither serve an older build nor keep this one.
            environment["NUGET_PACKAGES"] = Path.Combine(work.FullName, "packages");
            var install = await RunDotnetAsync(commands[1], work.FullName, environment);
            install.ExitCode.ShouldBe(0, install.Stdout + install.Stderr);

            var tool = Path.Combine(home, ".dotnet", "tools", "aus");
            File.Exists(tool).ShouldBeTrue($"{commands[1]} put no aus into {Path.GetDirectoryName(tool)}");
            var run = await ShellProcess.RunAsync(tool, ReadmeCommands.Words(commands[2]).Skip(1), work.FullName, environment, TimeSpan.FromMinutes(1));
            run.ExitCode.ShouldBe(0, run.Stderr);
            run.Stdout.Trim().ShouldStartWith(version);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>What a package feed shows: a real description, the README, the licence, where the project lives, tags.</summary>
    private static void PackageMetadata_DescribesTheToolForAFeed(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Field("description").ShouldNotBeNullOrWhiteSpace();
        Field("description").ShouldNotBe("Package Description");
        Field("description")!.ShouldContain("OpenShift");
        Field("license").ShouldBe("Apache-2.0");
        metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")!.Value.ShouldBe("expression");
        Field("projectUrl").ShouldStartWith("https://");
        Field("tags")!.Split(' ').ShouldContain("openshift");
        Field("tags")!.Split(' ').ShouldContain("ocm");
        Field("readme").ShouldBe("README.md");
        archive.GetEntry("README.md").ShouldNotBeNull("the readme the package names is packed");
        File.Exists(Path.Combine(RepositoryPaths.Root, "LICENSE")).ShouldBeTrue("the licence the package names is in the repository");
    }

    /// <summary>Whether the package's aus.dll holds ReadyToRun code (a managed native header) beside its IL.</summary>
    private static bool IsReadyToRun(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var entry = archive.Entries.Single(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal) && e.Name == "aus.dll");
        using var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using var pe = new PEReader(copy);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
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
