using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Aus.Simulator;
using Aus.TestKit;
using Microsoft.Playwright;

namespace Aus.Dashboard.Tests;

/// <summary>
/// `aus serve` (the built aus.dll, as a child process) against the OCM simulator with the sectors
/// example and an organization of hostile names, and a headless Chromium from the distribution.
/// </summary>
public sealed partial class DashboardServer : IAsyncLifetime
{
    /// <summary>Where the distribution installs Chromium; .ci/run installs it when it is missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string HostileOrganization = "<script>alert(\"owned\")</script> & Ünïcødé 名前 'quoted' ";
    public const string HostileCluster = "<img src=x onerror=alert(1)>";
    public const string GhostCluster = "ghost-&-\"q\"";

    /// <summary>The reason of the pause `aus pause` puts on the hostile cluster before the service starts.</summary>
    public const string HostilePauseReason = "<b>incident</b> & \"42\"";

    /// <summary>The release the sectors example's fleet offers, the newest: the dashboard forecasts it.</summary>
    public const string NewestRelease = "4.16.9";

    private static readonly string LongTail = new('x', 300);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aus-dashboard-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<string> _stderr = [];
    private OcmSimulator? _simulator;
    private Process? _serve;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: under the test's output directory.</summary>
    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static string HostileOrganizationName => HostileOrganization + LongTail;

    public async Task InitializeAsync()
    {
        // A missing browser fails the tests (CI installs it); it never skips them.
        File.Exists(ChromiumPath).ShouldBeTrue($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does");
        Directory.CreateDirectory(Path.Combine(_directory, "orgs"));
        Directory.CreateDirectory(Artifacts);
        File.Copy(RepositoryPaths.Example("sectors-org.yaml"), Path.Combine(_directory, "orgs", "sectors-org.yaml"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "orgs", "hostile-org.yaml"), $"""
            name: '{HostileOrganizationName.Replace("'", "''", StringComparison.Ordinal)}'
            orgId: org-hostile
            upgradePolicyAllowedWorkloads: [wl]
            upgradePolicyClusters:
            - name: '{HostileCluster}'
              upgradePolicy: {"{"}workloads: [wl], schedule: '* * * * *', conditions: {"{"}soakDays: 3{"}"}{"}"}
            - name: '{GhostCluster}'
              upgradePolicy: {"{"}workloads: [wl], schedule: '* * * * *', conditions: {"{"}soakDays: 3{"}"}{"}"}
            """);
        var fleet = await File.ReadAllTextAsync(RepositoryPaths.Example("sectors-fleet.yaml")) + $"""

            - orgId: org-hostile
              clusters:
              - {"{"}name: '{HostileCluster}', channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]{"}"}

            """;
        _simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetYaml = fleet, InitialTime = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero) },
            CancellationToken.None);
        var settings = Path.Combine(_directory, "aus.yaml");
        await File.WriteAllTextAsync(settings, $"""
            policies: [orgs]
            state: {Path.Combine(_directory, "state.db")}
            interval: 1h
            listen: 127.0.0.1:0
            shutdownTimeout: 5s
            """);
        await PauseHostileClusterAsync(Path.Combine(_directory, "state.db"));
        Address = await StartServeAsync(settings);
        await WaitUntilReadyAsync();
        await WaitForTheForecastAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (_serve is not null)
        {
            if (!_serve.HasExited)
            {
                _serve.Kill();
                await _serve.WaitForExitAsync();
            }

            _serve.Dispose();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>`aus pause` on the store the service is about to use: its first pass reads the pause.</summary>
    private static async Task PauseHostileClusterAsync(string state)
    {
        var start = Aus("pause", "--org", "org-hostile", "--cluster", HostileCluster, "--reason", HostilePauseReason, "--until", "2099-01-01T00:00:00Z", "--state", state);
        using var pause = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = pause.StandardOutput.ReadToEndAsync();
        var errors = pause.StandardError.ReadToEndAsync();
        await pause.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        pause.ExitCode.ShouldBe(0, $"aus pause failed:\n{await output}\n{await errors}");
    }

    private static ProcessStartInfo Aus(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aus.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AUS_STATE"] = string.Empty;
        return start;
    }

    private async Task<Uri> StartServeAsync(string settings)
    {
        var start = Aus("serve", "--settings", settings, "--clock", "ocm-sim");

        start.Environment["OCM_URL"] = _simulator!.BaseUrl.ToString();
        start.Environment["OCM_TOKEN_URL"] = _simulator.TokenUrl.ToString();
        start.Environment["OCM_CLIENT_ID"] = _simulator.ClientId;
        start.Environment["OCM_CLIENT_SECRET"] = _simulator.ClientSecret;
        start.Environment["AUS_SETTINGS"] = string.Empty;
        start.Environment["AUS_LISTEN"] = string.Empty;
        _serve = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _serve.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Add(line);
            }

            if (Endpoints().Match(line) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        _serve.OutputDataReceived += (_, _) => { };
        _serve.EnableRaisingEvents = true;
        _serve.Exited += (_, _) => address.TrySetException(new InvalidOperationException($"aus serve exited:\n{Stderr()}"));
        _serve.BeginErrorReadLine();
        _serve.BeginOutputReadLine();
        return await address.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await http.GetAsync(new Uri(Address, "/readyz"), timeout.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The forecast runs after the first pass, off it: every test sees the page with its timeline.</summary>
    private async Task WaitForTheForecastAsync()
    {
        using var http = new HttpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!(await http.GetStringAsync(new Uri(Address, "/api/fleet"), timeout.Token)).Contains("\"forecast\"", StringComparison.Ordinal))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return string.Join('\n', _stderr);
        }
    }

    [GeneratedRegex(@"endpoints on (?<url>http://[^\s""]+)")]
    private static partial Regex Endpoints();
}
