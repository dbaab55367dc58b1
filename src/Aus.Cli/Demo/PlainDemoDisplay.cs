using System.Globalization;
using Aus.Domain.Planning;

namespace Aus.Cli.Demo;

/// <summary>
/// The demo as plain lines, for output that is not a terminal (a pipe, a file, CI): a line for
/// each decision that changed, each upgrade that started or completed, and each further soak day
/// the release gathered; the same for each add-on of a cluster, with the add-on policy OCM holds;
/// then the summary.
/// </summary>
internal sealed class PlainDemoDisplay(TextWriter output) : IDemoDisplay
{
    private readonly Dictionary<string, (Decision, Reason, string?)> _lastDecisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastSoakDays = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Cluster, string Addon), (Decision, Reason, string?, string?)> _lastAddonDecisions = [];
    private readonly Dictionary<(string Addon, string Workload), int> _lastAddonSoakDays = [];
    private DemoIntroduction? _introduction;

    public async Task StartAsync(DemoIntroduction introduction, CancellationToken cancellationToken)
    {
        _introduction = introduction;
        foreach (var line in DemoSummaryWriter.Introduction(introduction))
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync();
    }

    public async Task ShowPassAsync(DemoPass pass, CancellationToken cancellationToken)
    {
        var at = Prefix(pass.Now, pass.Elapsed);
        foreach (var failure in pass.Failures)
        {
            await output.WriteLineAsync($"{at} pass {pass.Number}: failed: {failure}");
        }

        foreach (var cluster in pass.Clusters)
        {
            var key = (cluster.Decision, cluster.Reason, cluster.TargetVersion);
            if (_lastDecisions.TryGetValue(cluster.Name, out var last) && last == key)
            {
                continue;
            }

            _lastDecisions[cluster.Name] = key;
            await output.WriteLineAsync($"{at} pass {pass.Number}: {cluster.Name} ({Where(cluster)}, runs {cluster.Version ?? "?"}): {cluster.Reason.ToCode()}: {cluster.Detail}");
        }

        foreach (var addon in pass.Addons)
        {
            var key = (addon.Decision, addon.Reason, addon.TargetVersion, addon.Policy);
            if (_lastAddonDecisions.TryGetValue((addon.Cluster, addon.Addon), out var last) && last == key)
            {
                continue;
            }

            _lastAddonDecisions[(addon.Cluster, addon.Addon)] = key;
            var policy = addon.Policy is null ? string.Empty : $", add-on policy {addon.Policy}";
            await output.WriteLineAsync($"{at} pass {pass.Number}: {addon.Cluster} add-on {addon.Addon} ({Where(addon.Sector, addon.Mutexes)}, runs {addon.Version ?? "?"}{policy}): {addon.Reason.ToCode()}: {addon.Detail}");
        }

        foreach (var action in pass.Actions.Where(a => a.Contains(" failed: ", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync($"{at} pass {pass.Number}: {action}");
        }

        foreach (var (workload, days) in pass.ReleaseSoak)
        {
            var whole = (int)Math.Floor(days);
            if (whole > _lastSoakDays.GetValueOrDefault(workload))
            {
                _lastSoakDays[workload] = whole;
                var needed = _introduction?.RequiredSoak.GetValueOrDefault(workload) ?? 0;
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{at} soak: {_introduction?.Release} has soaked {DemoFormat.Days(days)} cluster-days for {workload} (the longest requirement is {needed})"));
            }
        }

        foreach (var soak in pass.AddonSoak)
        {
            var whole = (int)Math.Floor(soak.Days);
            if (whole > _lastAddonSoakDays.GetValueOrDefault((soak.Addon, soak.Workload)))
            {
                _lastAddonSoakDays[(soak.Addon, soak.Workload)] = whole;
                var needed = _introduction?.RequiredSoak.GetValueOrDefault(soak.Workload) ?? 0;
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{at} soak: add-on {soak.Addon} {soak.Version} has soaked {DemoFormat.Days(soak.Days)} cluster-days for {soak.Workload} (the longest requirement is {needed})"));
            }
        }

        foreach (var transition in pass.Transitions)
        {
            var elapsed = pass.Elapsed + (transition.At - pass.Now);
            await output.WriteLineAsync(transition.AddonId is { } addon
                ? $"{Prefix(transition.At, elapsed)} {transition.ClusterName}: add-on {addon} upgrade to {transition.Version} {transition.State}"
                : $"{Prefix(transition.At, elapsed)} {transition.ClusterName}: upgrade to {transition.Version} {transition.State}");
        }
    }

    public async Task FinishAsync(DemoResult result, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync();
        foreach (var line in DemoSummaryWriter.Summary(result))
        {
            await output.WriteLineAsync(line);
        }
    }

    private static string Prefix(DateTimeOffset time, TimeSpan elapsed) => $"[{DemoFormat.Time(time)} {DemoFormat.Elapsed(elapsed)}]";

    private static string Where(DemoClusterState cluster) => Where(cluster.Sector, cluster.Mutexes);

    private static string Where(string? sector, IReadOnlyList<string> mutexes)
    {
        var where = sector ?? "no sector";
        return mutexes.Count == 0 ? where : $"{where}, mutex {string.Join(", ", mutexes)}";
    }
}
