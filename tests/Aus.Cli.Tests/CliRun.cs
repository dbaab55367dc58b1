namespace Aus.Cli.Tests;

/// <summary>The outcome of one in-process run of the aus command line.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AusCommandLine.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void ShouldHaveNoStackTrace()
    {
        (Stdout + Stderr).ShouldNotContain("   at ");
        (Stdout + Stderr).ShouldNotContain("Exception");
    }
}
