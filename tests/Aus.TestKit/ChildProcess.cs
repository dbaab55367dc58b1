using System.Diagnostics;

namespace Aus.TestKit;

/// <summary>Runs a program to completion and captures its output; for tests that need a real process (environment, signals, exit codes).</summary>
public static class ChildProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the built `aus` (aus.dll beside the test assembly) with `dotnet`.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAusAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "aus.dll"), .. arguments], environment);
}
