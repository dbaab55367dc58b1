using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aus.Policies.History;
using Aus.Simulator;
using Aus.Storage;
using Aus.TestKit;
using Xunit.Abstractions;

namespace Aus.Cli.Tests.Soak;

/// <summary>
/// Simulated days of `aus run` passes, as child processes, against the OCM simulator behind a proxy
/// that fails a quarter of the API requests (5xx, 429 with a day-long Retry-After, requests that hang
/// before or after the write, connections dropped before or after the write). Some passes run with a
/// clock stepped back, some are killed with SIGKILL at a random request or moment. After every pass:
/// no cluster has two pending policies, every policy is for a version its cluster was offered and
/// the organization does not block, no mutex has two holders, no soak went down, the history reads.
/// CI runs a short budget; AUS_FAULT_SOAK_DAYS and AUS_FAULT_SOAK_SEED run a long one (docs/reliability.md).
/// </summary>
public sealed partial class FaultSoakTests(ITestOutputHelper output)
{
    private const double FaultRate = 0.25;
    private const double KillRate = 0.2;
    private const double ClockBackRate = 0.1;
    private static readonly TimeSpan PassInterval = TimeSpan.FromHours(6);
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly HistoryKey Key = new(new("production"), new("org-sectors"));
    private static readonly string[] FinishedStates = ["completed", "cancelled", "failed"];

    /// <summary>The releases that appear over the days (day → version); release candidates are blocked by the organization.</summary>
    private static readonly (int Day, string Version)[] Releases =
        [(0, "4.16.11"), (6, "4.16.12"), (9, "4.16.13-rc.1"), (14, "4.16.14"), (22, "4.16.15")];

    private static readonly Dictionary<string, string> Mutexes = new(StringComparer.Ordinal)
    {
        ["prod-1"] = "blue-mutex", ["prod-2"] = "blue-mutex", ["prod-3"] = "green-mutex", ["prod-4"] = "green-mutex",
    };

    [Fact]
    public async Task DaysOfPassesUnderFaultsClockStepsAndKills_KeepEveryInvariant()
    {
        var days = Setting("AUS_FAULT_SOAK_DAYS", 2);
        var seed = Setting("AUS_FAULT_SOAK_SEED", 20261130);
        output.WriteLine($"fault soak: {days} simulated days, seed {seed} (AUS_FAULT_SOAK_DAYS={days} AUS_FAULT_SOAK_SEED={seed} reproduces it)");
        var random = new Random(seed);
        var directory = Directory.CreateTempSubdirectory("aus-soak-");
        var stateFile = Path.Combine(directory.FullName, "state.db");
        await using var simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetPath = RepositoryPaths.Example("sectors-fleet.yaml"), InitialTime = Start, Seed = seed },
            CancellationToken.None);
        await using var proxy = await FaultProxy.StartAsync(simulator.BaseUrl, seed);
        proxy.FaultRate = FaultRate;
        var environment = new Dictionary<string, string>
        {
            ["OCM_URL"] = proxy.BaseUrl.ToString(),
            ["OCM_TOKEN_URL"] = simulator.TokenUrl.ToString(),
            ["OCM_CLIENT_ID"] = simulator.ClientId,
            ["OCM_CLIENT_SECRET"] = simulator.ClientSecret,
            ["OCM_MAX_RETRY_AFTER"] = "1",
            ["AUS_ORGANIZATION_DEADLINE"] = "5s",
            ["AUS_SETTINGS"] = string.Empty,
            ["AUS_STATE"] = string.Empty,
        };

        var invariants = new SoakInvariants();
        var passes = (int)(TimeSpan.FromDays(days) / PassInterval);
        var (kills, clockSteps, exits) = (0, 0, new SortedDictionary<int, int>());
        try
        {
            for (var pass = 0; pass < passes; pass++)
            {
                var now = simulator.Clock.Now;
                foreach (var (_, version) in Releases.Where(r => Start.AddDays(r.Day) > now - PassInterval && Start.AddDays(r.Day) <= now))
                {
                    simulator.AddRelease(version, "stable-4.16");
                }

                var before = JsonNode.Parse(simulator.FleetJson())!;
                var arguments = new List<string> { "run", "--config", RepositoryPaths.Example("sectors-org.yaml"), "--state", stateFile };
                if (random.NextDouble() < ClockBackRate)
                {
                    clockSteps++;
                    var back = TimeSpan.FromSeconds(random.Next(1, 36 * 3600));
                    arguments.AddRange(["--now", (now - back).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)]);
                }
                else
                {
                    arguments.AddRange(["--clock", "ocm-sim"]);
                }

                // The 2nd and 5th passes are always killed, so the short CI budget has kills too.
                var kill = pass is 1 or 4 || random.NextDouble() < KillRate;
                var byRequest = random.Next(2) == 0;
                var (exitCode, stderr) = await RunPassAsync(
                    proxy, arguments, environment, kill && byRequest ? random.Next(1, 15) : null, random.Next(2) == 0, kill && !byRequest ? random.Next(100, 3000) : null);
                var killed = exitCode == 137 || proxy.Killed;
                kills += killed ? 1 : 0;
                exits[killed ? 137 : exitCode] = exits.GetValueOrDefault(killed ? 137 : exitCode) + 1;
                var where = $"seed {seed}, pass {pass} at {now:O}{(killed ? " (killed)" : string.Empty)}";
                if (!killed && exitCode is not (0 or 1))
                {
                    invariants.Violations.Add($"{where}: aus run exited {exitCode}: {stderr}");
                }

                if (stderr.Contains("Unhandled exception", StringComparison.Ordinal) || StackFrame().IsMatch(stderr))
                {
                    invariants.Violations.Add($"{where}: a stack trace: {stderr}");
                }

                await invariants.CheckAsync(where, before, JsonNode.Parse(simulator.FleetJson())!, stateFile);
                invariants.Violations.ShouldBeEmpty();
                simulator.Clock.Advance(PassInterval);
            }

            var export = await ChildProcess.RunAusAsync(["state", "export", "--state", stateFile], environment.ToDictionary(e => e.Key, string? (e) => e.Value));
            export.ExitCode.ShouldBe(0, export.Stderr);
            invariants.UpgradesSeen.ShouldBeGreaterThan(0, "upgrades went on under the faults");
        }
        finally
        {
            output.WriteLine($"passes: {passes}; API requests: {proxy.Requests}; faults injected: {proxy.Injected.Values.Sum()} ({string.Join(", ", proxy.Injected.Select(f => $"{f.Key} {f.Value}"))})");
            output.WriteLine($"kills: {kills}; clock steps back: {clockSteps}; exit statuses: {string.Join(", ", exits.Select(e => $"{e.Key}: {e.Value}"))}");
            output.WriteLine($"policies created: {invariants.UpgradesSeen}; soak entries checked: {invariants.SoakEntries}; violations: {invariants.Violations.Count}");
            foreach (var violation in invariants.Violations)
            {
                output.WriteLine(violation);
            }

            directory.Delete(recursive: true);
        }
    }

    /// <summary>One `aus run` child; killed by the proxy at its Nth request, or after <paramref name="killAfterMs"/>.</summary>
    private static async Task<(int ExitCode, string Stderr)> RunPassAsync(
        FaultProxy proxy, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, int? killAtRequest, bool killAfterForward, int? killAfterMs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "aus.dll"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        proxy.StartPass(process, killAtRequest, killAfterForward);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        if (killAfterMs is { } delay && !await ExitsWithinAsync(process, TimeSpan.FromMilliseconds(delay)))
        {
            process.Kill();
        }

        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new ShouldAssertException($"aus {string.Join(' ', arguments)} did not finish within 3 minutes: a pass stalled");
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }

    private static async Task<bool> ExitsWithinAsync(Process process, TimeSpan time)
    {
        using var wait = new CancellationTokenSource(time);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>The invariants, checked against the simulator's fleet and the store after each pass.</summary>
    private sealed class SoakInvariants
    {
        private static readonly Regex Blocked = new(@"^.*-rc\..*$", RegexOptions.None, TimeSpan.FromSeconds(1));
        private readonly HashSet<string> _seenPolicies = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Version, string Workload), double> _soak = [];

        public List<string> Violations { get; } = [];

        public int UpgradesSeen => _seenPolicies.Count;

        public int SoakEntries { get; private set; }

        public async Task CheckAsync(string where, JsonNode before, JsonNode after, string stateFile)
        {
            var offered = Clusters(before).ToDictionary(c => c["id"]!.GetValue<string>(), c => c["availableUpgrades"]!.AsArray().Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal));
            var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var cluster in Clusters(after))
            {
                var name = cluster["name"]!.GetValue<string>();
                var pending = cluster["upgradePolicies"]!.AsArray().Where(p => !FinishedStates.Contains(p!["state"]!.GetValue<string>())).ToList();
                if (pending.Count > 1)
                {
                    Violations.Add($"{where}: cluster {name} has {pending.Count} pending upgrade policies");
                }

                foreach (var policy in cluster["upgradePolicies"]!.AsArray())
                {
                    var version = policy!["version"]!.GetValue<string>();
                    if (!_seenPolicies.Add(policy["id"]!.GetValue<string>()))
                    {
                        continue;
                    }

                    if (!offered.TryGetValue(cluster["id"]!.GetValue<string>(), out var versions) || !versions.Contains(version))
                    {
                        Violations.Add($"{where}: cluster {name} got a policy for {version}, not among its available upgrades");
                    }

                    if (Blocked.IsMatch(version))
                    {
                        Violations.Add($"{where}: cluster {name} got a policy for {version}, which the organization blocks");
                    }
                }

                if (Mutexes.TryGetValue(name, out var mutex) && pending.Count > 0)
                {
                    holders.TryAdd(mutex, []);
                    holders[mutex].Add(name);
                }
            }

            foreach (var (mutex, clusters) in holders.Where(h => h.Value.Count > 1))
            {
                Violations.Add($"{where}: mutex {mutex} has {clusters.Count} holders: {string.Join(", ", clusters)}");
            }

            await CheckHistoryAsync(where, stateFile);
        }

        private async Task CheckHistoryAsync(string where, string stateFile)
        {
            if (!File.Exists(stateFile))
            {
                return;
            }

            try
            {
                await using var store = await StateStore.OpenAsync(
                    StateLocation.TryParse(stateFile, out var location, out var error) ? location! : throw new ArgumentException(error),
                    new StateStoreOptions { ExclusiveProcess = true });
                var history = await store.GetHistoryAsync(Key);
                VersionHistoryJson.Write(history).ShouldNotBeNullOrEmpty();
                foreach (var (version, workloads) in history.Versions)
                {
                    foreach (var (workload, soak) in workloads)
                    {
                        SoakEntries++;
                        var key = (version, workload.ToString());
                        if (_soak.TryGetValue(key, out var previous) && soak.SoakDays < previous)
                        {
                            Violations.Add($"{where}: soak of {version} for {workload} went down from {previous} to {soak.SoakDays}");
                        }

                        _soak[key] = Math.Max(previous, soak.SoakDays);
                    }
                }
            }
            catch (Exception e) when (e is not ShouldAssertException)
            {
                Violations.Add($"{where}: the history could not be read: {e.GetType().Name}: {e.Message}");
            }
        }

        private static IEnumerable<JsonNode> Clusters(JsonNode fleet) =>
            fleet["organizations"]!.AsArray().SelectMany(o => o!["clusters"]!.AsArray()).Select(c => c!);
    }
}
