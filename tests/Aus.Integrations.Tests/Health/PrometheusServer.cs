using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aus.Integrations.Tests.Health;

/// <summary>
/// A throwaway Prometheus (Debian's <c>prometheus</c> package) on a free loopback port with its own
/// configuration and data directory. It scrapes nothing: recording rules evaluated every second make
/// the telemeter series (<c>alerts</c> and <c>subscription_labels</c>) that <see cref="Series"/> lists,
/// so alerts fire for chosen clusters. A missing binary fails the tests: this is never skipped.
/// </summary>
public sealed class PrometheusServer : IAsyncLifetime
{
    /// <summary>The telemeter series the server holds: (cluster _id, organization) subscriptions and (cluster _id, alert, state, severity) alerts.</summary>
    public static readonly (string Id, string Organization)[] Subscriptions =
    [
        ("uuid-h1", "org-healthy"), ("uuid-h2", "org-healthy"), ("uuid-h3", "org-healthy"),
        ("uuid-a1", "org-all"), ("uuid-a2", "org-all"), ("uuid-a3", "org-all"),
        ("uuid-s1", "org-some"), ("uuid-s2", "org-some"), ("uuid-s3", "org-some"),
        ("uuid-x1", "org-other"),
    ];

    public static readonly (string Id, string Alert, string State, string Severity)[] Alerts =
    [
        ("uuid-a1", "KubeAPIDown", "firing", "critical"),
        ("uuid-a2", "KubeAPIDown", "firing", "critical"),
        ("uuid-a3", "EtcdNoLeader", "firing", "critical"),
        ("uuid-s1", "KubeAPIDown", "firing", "critical"),
        ("uuid-s1", "EtcdNoLeader", "firing", "critical"),
        ("uuid-s3", "ClusterOperatorDown", "firing", "critical"),
        // Not counted: not critical, not yet firing, or another organization's cluster.
        ("uuid-h1", "KubePodCrashLooping", "firing", "warning"),
        ("uuid-h2", "KubeAPIDown", "pending", "critical"),
        ("uuid-x1", "KubeAPIDown", "firing", "critical"),
    ];

    private Process? process;
    private string? directory;

    public Uri Url { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "Prometheus is needed for the telemeter health tests and none was found: install it (apt-get install prometheus) "
            + "so that 'prometheus' is on PATH. .ci/run does this by itself.");
        directory = Path.Combine(Path.GetTempPath(), "aus-test-prometheus-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "rules.yml"), RuleFile());
        await File.WriteAllTextAsync(
            Path.Combine(directory, "prometheus.yml"),
            "global:\n  evaluation_interval: 1s\nrule_files:\n- rules.yml\n");

        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])[
            "--config.file=" + Path.Combine(directory, "prometheus.yml"),
            "--storage.tsdb.path=" + Path.Combine(directory, "data"),
            "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            "--log.level=warn"])
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var log = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await WaitUntilTheRulesHaveRunAsync(log);
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string RuleFile()
    {
        var rules = new StringBuilder("groups:\n- name: telemeter\n  interval: 1s\n  rules:\n");
        foreach (var (id, organization) in Subscriptions)
        {
            rules.Append(CultureInfo.InvariantCulture, $"  - record: subscription_labels\n    expr: vector(1)\n    labels: {{_id: {id}, organization: {organization}}}\n");
        }

        foreach (var (id, alert, state, severity) in Alerts)
        {
            rules.Append(CultureInfo.InvariantCulture, $"  - record: alerts\n    expr: vector(1)\n    labels: {{_id: {id}, alertname: {alert}, alertstate: {state}, severity: {severity}}}\n");
        }

        return rules.ToString();
    }

    private async Task WaitUntilTheRulesHaveRunAsync(StringBuilder log)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var query = new Uri(Url, "api/v1/query?query=" + Uri.EscapeDataString("count(alerts) + count(subscription_labels)"));
        var expected = $"\"{Alerts.Length + Subscriptions.Length}\"";
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {process.ExitCode}:\n{log}");
            }

            try
            {
                var body = await client.GetStringAsync(query, deadline.Token);
                if (body.Contains(expected, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"prometheus did not evaluate its rules within a minute:\n{log}");
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(d => Path.Combine(d, "prometheus"))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
