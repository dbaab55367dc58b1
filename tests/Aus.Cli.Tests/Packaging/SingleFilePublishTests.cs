using Aus.Cli.Tests.Readme;
using Aus.TestKit;

namespace Aus.Cli.Tests.Packaging;

/// <summary>scripts/publish-linux-x64.sh builds a self-contained single file that runs without the SDK's dotnet.</summary>
[Collection(BuildsCollection.Name)]
public sealed class SingleFilePublishTests
{
    [Fact]
    public async Task PublishScript_BuildsASelfContainedAusThatRunsTheDemo()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Fail("the linux-x64 publish is tested on linux-x64 machines (CI's kind)");
        }

        var output = Directory.CreateTempSubdirectory("aus-publish-");
        try
        {
            var script = Path.Combine(RepositoryPaths.Root, "scripts", "publish-linux-x64.sh");
            var publish = await ShellProcess.RunAsync("bash", [script, output.FullName], RepositoryPaths.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(9));
            publish.ExitCode.ShouldBe(0, publish.Stdout + publish.Stderr);

            var aus = Path.Combine(output.FullName, "aus");
            File.Exists(aus).ShouldBeTrue();
            Directory.GetFiles(output.FullName, "*.dll").ShouldBeEmpty("a single file, not a folder of assemblies");

            // No DOTNET_ROOT and a PATH without dotnet: the runtime must be inside the file.
            var environment = new Dictionary<string, string?> { ["DOTNET_ROOT"] = null, ["PATH"] = "/usr/bin:/bin" };
            var demo = await ShellProcess.RunAsync(aus, ["demo", "--speed", "0", "--days", "1"], output.FullName, environment, TimeSpan.FromMinutes(2));
            demo.ExitCode.ShouldBe(0, demo.Stderr);
            demo.Stdout.ShouldContain("Rollout of 4.16.10 not complete after 1d: 2 of 6 clusters run it");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
