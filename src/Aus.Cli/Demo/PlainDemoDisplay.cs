using System.Globalization;
using Aus.Domain.Planning;

namespace Aus.Cli.Demo;

/// <summary>
/// The demo as plain lines, for output that is not a terminal (a pipe, a file, CI): a line for
/// each decision that changed, each upgrade that started or completed, and each further soak day
/// the release gathered; then the summary.
/// </summary>
internal sealed class PlainDemoDisplay(TextWriter output) : IDemoDisplay
{
    private readonly Dictionary<string, (Decision, Reason, string?)> _lastDecisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastSoakDays = new(StringComparer.Ordinal);
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

        foreach (var transition in pass.Transitions)
        {
            var elapsed = pass.Elapsed + (transition.At - pass.Now);
            await output.WriteLineAsync($"{Prefix(transition.At, elapsed)} {transition.ClusterName}: upgrade to {transition.Version} {transition.State}");
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

    private static string Where(DemoClusterState cluster)
    {
        var sector = cluster.Sector ?? "no sector";
        return cluster.Mutexes.Count == 0 ? sector : $"{sector}, mutex {string.Join(", ", cluster.Mutexes)}";
    }
}
