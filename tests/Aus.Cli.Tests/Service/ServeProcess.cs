using System.Diagnostics;

namespace Aus.Cli.Tests.Service;

/// <summary>`aus serve` as a child process (the built aus.dll beside the tests), killed or stopped as an operator would.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stderr = new();
    private int _passes;

    private ServeProcess(Process process) => _process = process;

    /// <summary>Every line the child has written to stderr so far.</summary>
    public IReadOnlyList<string> StderrLines => [.. _stderr];

    /// <summary>Passes the child has logged as ended.</summary>
    public int Passes => Volatile.Read(ref _passes);

    public static ServeProcess Start(string settingsFile, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "aus.dll"), "serve", "--settings", settingsFile, "--clock", "ocm-sim"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var serve = new ServeProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } text)
            {
                serve._stderr.Enqueue(text);
            }

            if (e.Data is { } line && line.Contains("\"pass at ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref serve._passes);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return serve;
    }

    public async Task WaitForPassesAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Passes < count)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(timeout.Token);
                throw new ShouldAssertException($"aus serve exited with {_process.ExitCode} before {count} passes:\n{string.Join('\n', _stderr)}");
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>SIGKILL: no chance to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the exit status.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
