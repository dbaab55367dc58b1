using System.Globalization;
using Aus.Cli.Output;

namespace Aus.Cli.Demo;

/// <summary>The demo's opening lines and closing summary as plain text.</summary>
internal static class DemoSummaryWriter
{
    public static IEnumerable<string> Introduction(DemoIntroduction introduction)
    {
        yield return $"aus demo: the OCM simulator runs on {introduction.OcmUrl}; the state store is {introduction.StatePath} (deleted at the end)";
        foreach (var organization in introduction.Organizations)
        {
            yield return $"organization {organization}";
        }

        yield return $"{DemoFormat.Time(introduction.Start)}: OCM publishes {introduction.Release} in {string.Join(", ", introduction.Channels)}";
        var pace = introduction.Speed <= 0
            ? "without pauses"
            : string.Create(CultureInfo.InvariantCulture, $"at {introduction.Speed:0.##} simulated hours per second");
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"aus reconciles every {DemoFormat.Duration(introduction.PassInterval)} of simulated time, {pace}, until every cluster runs {introduction.Release} (at most {introduction.Days:0.##} days)");
    }

    public static IEnumerable<string> Summary(DemoResult result)
    {
        var offered = result.Clusters.Where(c => c.InScope).ToList();
        var done = offered.Count(c => c.ReleaseAt is not null);
        if (result.Converged)
        {
            yield return $"Rollout of {result.Release} complete: every cluster runs it, {DemoFormat.Duration(result.RolloutTime ?? TimeSpan.Zero)} after it was published ({Plural.Count(result.Passes, "pass", "passes")}).";
        }
        else if (offered.Count == 0)
        {
            yield return $"No cluster is offered {result.Release}: its channels are none of the clusters' ({Plural.Count(result.Passes, "pass", "passes")}).";
        }
        else
        {
            yield return $"Rollout of {result.Release} not complete after {DemoFormat.Duration(result.End - result.Start)}: {done} of {offered.Count} clusters run it ({Plural.Count(result.Passes, "pass", "passes")}).";
        }

        yield return string.Empty;
        var header = new[] { "cluster", "sector", "mutexes", "from", $"runs {result.Release} at", "after", "soak days when scheduled" };
        var rows = result.Clusters
            .OrderBy(c => c.ReleaseAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new[]
            {
                c.Name,
                c.Sector ?? "-",
                c.Mutexes.Count == 0 ? "-" : string.Join(",", c.Mutexes),
                c.FromVersion ?? "not in OCM",
                c.ReleaseAt is { } at ? DemoFormat.Time(at) : (c.InScope ? "not yet" : "not offered"),
                c.ReleaseAt is { } after ? DemoFormat.Elapsed(after - result.Start) : "-",
                c.SoakDaysWhenScheduled is { } soak ? $"{DemoFormat.Days(soak)} (needs {c.RequiredSoakDays ?? 0})" : "-",
            })
            .ToList();
        foreach (var line in Table([header, .. rows]))
        {
            yield return line;
        }
    }

    private static IEnumerable<string> Table(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
    }
}
