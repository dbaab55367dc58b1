using System.Globalization;
using System.Text.RegularExpressions;

namespace Aus.Cli.Tests.Demo;

/// <summary>Reads what the demo printed: the upgrade transitions and the summary rows, as a person reading it would.</summary>
internal sealed partial class DemoOutput(string text)
{
    public string Text { get; } = text;

    public IReadOnlyList<Transition> Transitions =>
        [.. Text.Split('\n').Select(l => TransitionLine().Match(l.TrimEnd())).Where(m => m.Success).Select(m => new Transition(
            DateTimeOffset.ParseExact(m.Groups["at"].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            m.Groups["cluster"].Value,
            m.Groups["version"].Value,
            m.Groups["state"].Value))];

    /// <summary>The add-on upgrade transitions: "CLUSTER: add-on ADDON upgrade to VERSION STATE" lines.</summary>
    public IReadOnlyList<AddonTransition> AddonTransitions =>
        [.. Text.Split('\n').Select(l => AddonTransitionLine().Match(l.TrimEnd())).Where(m => m.Success).Select(m => new AddonTransition(
            DateTimeOffset.ParseExact(m.Groups["at"].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            m.Groups["cluster"].Value,
            m.Groups["addon"].Value,
            m.Groups["version"].Value,
            m.Groups["state"].Value))];

    /// <summary>The add-on summary table's rows by (add-on, cluster): its cells.</summary>
    public IReadOnlyDictionary<(string Addon, string Cluster), string[]> AddonSummaryRows
    {
        get
        {
            var lines = Text.Split('\n').Select(l => l.TrimEnd()).ToList();
            var header = lines.FindIndex(l => l.StartsWith("add-on  ", StringComparison.Ordinal));
            header.ShouldBeGreaterThan(-1, "the add-on summary table is missing:\n" + Text);
            return lines.Skip(header + 1)
                .TakeWhile(l => l.Length > 0)
                .Select(l => Regex.Split(l, " {2,}"))
                .ToDictionary(cells => (cells[0], cells[1]));
        }
    }

    /// <summary>The summary table's rows by cluster: its cells, split at runs of two or more spaces.</summary>
    public IReadOnlyDictionary<string, string[]> SummaryRows
    {
        get
        {
            var lines = Text.Split('\n').Select(l => l.TrimEnd()).ToList();
            var header = lines.FindIndex(l => l.StartsWith("cluster  ", StringComparison.Ordinal));
            header.ShouldBeGreaterThan(-1, "the summary table is missing:\n" + Text);
            return lines.Skip(header + 1)
                .TakeWhile(l => l.Length > 0)
                .Select(l => Regex.Split(l, " {2,}"))
                .ToDictionary(cells => cells[0], StringComparer.Ordinal);
        }
    }

    [GeneratedRegex(@"^\[(?<at>\d{4}-\d\d-\d\d \d\d:\d\d) \+\S+\] (?<cluster>\S+): upgrade to (?<version>\S+) (?<state>started|completed|failed)$")]
    private static partial Regex TransitionLine();

    [GeneratedRegex(@"^\[(?<at>\d{4}-\d\d-\d\d \d\d:\d\d) \+\S+\] (?<cluster>\S+): add-on (?<addon>\S+) upgrade to (?<version>\S+) (?<state>started|completed|failed)$")]
    private static partial Regex AddonTransitionLine();

    public sealed record AddonTransition(DateTimeOffset At, string Cluster, string Addon, string Version, string State);

    public sealed record Transition(DateTimeOffset At, string Cluster, string Version, string State);
}
