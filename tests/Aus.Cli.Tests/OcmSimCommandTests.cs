namespace Aus.Cli.Tests;

public sealed class OcmSimCommandTests
{
    [Fact]
    public async Task BadFleetFile_NamesFileAndField_ExitsWithUsage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aus-sim-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "organizations:\n- orgId: o\n  clusters:\n  - {name: a, channel: stable-4.16, version: banana}\n");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exit = await AusCommandLine.RunAsync(["ocm-sim", "--fleet", path, "--port", "0"], stdout, stderr);

            exit.ShouldBe(ExitCodes.Usage);
            stderr.ToString().ShouldContain($"{path}: error: organizations[0].clusters[0].version: 'banana' is not a version");
            stderr.ToString().ShouldNotContain("   at ");
            stdout.ToString().ShouldBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task FailureRateOutOfRange_IsUsageError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await AusCommandLine.RunAsync(["ocm-sim", "--fleet", "x.yaml", "--failure-rate", "1.5"], stdout, stderr);

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ToString().ShouldContain("--failure-rate 1.5 must be between 0 and 1");
    }
}
