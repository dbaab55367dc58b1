using System.Globalization;
using Aus.Application.Forecast;
using Aus.Application.Rollout;
using Aus.Cli.Output;
using Aus.Domain.Planning;

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
        var addons = string.Join(", ", introduction.AddonVersions.Select(a => $"{a.Key} {a.Value}"));
        if (addons.Length > 0)
        {
            yield return introduction.AddonVersionsPublished
                ? $"{DemoFormat.Time(introduction.Start)}: OCM publishes the add-on versions {addons}"
                : $"the add-on catalog offers {addons}";
        }

        var pace = introduction.Speed <= 0
            ? "without pauses"
            : string.Create(CultureInfo.InvariantCulture, $"at {introduction.Speed:0.##} simulated hours per second");
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"aus reconciles every {DemoFormat.Duration(introduction.PassInterval)} of simulated time, {pace}, until every cluster runs {introduction.Release}{(addons.Length > 0 ? " and every ready add-on its new version" : string.Empty)} (at most {introduction.Days:0.##} days)");
        if (introduction.Forecast is { } forecast)
        {
            foreach (var line in ForecastLines(forecast))
            {
                yield return line;
            }
        }
    }

    /// <summary>What `aus forecast` predicts as the release comes out: per organization the end of the rollout, per cluster its upgrade.</summary>
    private static IEnumerable<string> ForecastLines(Forecast forecast)
    {
        foreach (var organization in forecast.Organizations)
        {
            yield return organization.RolloutEnd is { } end
                ? $"forecast: {organization.Name}'s rollout ends {DemoFormat.Time(end)} ({DemoFormat.Elapsed(end - forecast.Now)})"
                : $"forecast: {organization.Name}'s rollout does not end within the horizon ({Plural.Of(organization.Reached, organization.Clusters, "cluster")} {Plural.Verb(organization.Reached, "gets", "get")} the release)";
        }

        foreach (var cluster in forecast.Clusters)
        {
            yield return cluster switch
            {
                { Outcome: ForecastOutcome.AlreadyThere } => $"forecast: {cluster.Name} runs the release already",
                { Start: { } start, Completion: { } completion } =>
                    $"forecast: {cluster.Name} upgrades {DemoFormat.Time(start)} ({DemoFormat.Elapsed(start - forecast.Now)}) to {DemoFormat.Time(completion)}"
                    + (cluster.HeldLongest is { } held ? $", held longest by {held.Reason.ToCode()}" : string.Empty),
                _ => $"forecast: {cluster.Name} does not get the release within the horizon"
                    + (cluster.LastCondition is { } last ? $": {last.Reason.ToCode()}: {last.Detail}" : string.Empty),
            };
        }
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
            yield return $"Rollout of {result.Release} not complete after {DemoFormat.Duration(result.End - result.Start)}: {Plural.Of(done, offered.Count, "cluster")} {Plural.Verb(done, "runs", "run")} it ({Plural.Count(result.Passes, "pass", "passes")}).";
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

        if (!result.Addons.IsEmpty)
        {
            yield return string.Empty;
            foreach (var line in AddonSummary(result))
            {
                yield return line;
            }
        }

        if (result.Forecast is { } forecast)
        {
            yield return string.Empty;
            foreach (var line in ForecastBesideActual(result, forecast))
            {
                yield return line;
            }
        }
    }

    /// <summary>When each add-on reached each cluster: one line per add-on, then a row per (add-on, cluster) in the order they got there.</summary>
    private static IEnumerable<string> AddonSummary(DemoResult result)
    {
        foreach (var addon in result.Addons.GroupBy(a => (a.Addon, a.TargetVersion)))
        {
            var reached = addon.Where(a => a.ReachedAt is not null).ToList();
            yield return reached.Count == addon.Count()
                ? $"Add-on {addon.Key.Addon} {addon.Key.TargetVersion}: every cluster runs it, {DemoFormat.Duration(reached.Max(a => a.ReachedAt!.Value) - result.Start)} after the start."
                : $"Add-on {addon.Key.Addon} {addon.Key.TargetVersion}: {reached.Count} of {Plural.Count(addon.Count(), "cluster")} run it after {DemoFormat.Duration(result.End - result.Start)}.";
        }

        yield return string.Empty;
        var header = AddonColumns;
        var rows = result.Addons
            .OrderBy(a => a.Addon, StringComparer.Ordinal)
            .ThenBy(a => a.ReachedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(a => a.Cluster, StringComparer.Ordinal)
            .Select(a => new[]
            {
                a.Addon,
                a.Cluster,
                a.Sector ?? "-",
                a.Mutexes.Count == 0 ? "-" : string.Join(",", a.Mutexes),
                a.FromVersion,
                a.TargetVersion,
                a.ReachedAt is { } at ? DemoFormat.Time(at) : "not yet",
                a.ReachedAt is { } after ? DemoFormat.Elapsed(after - result.Start) : "-",
            })
            .ToList();
        foreach (var line in Table([header, .. rows]))
        {
            yield return line;
        }
    }

    /// <summary>The columns of the add-on summary table.</summary>
    public static readonly string[] AddonColumns = ["add-on", "cluster", "sector", "mutexes", "from", "to", "runs it at", "after"];

    /// <summary>The forecast made at the start beside what the simulator did, per cluster, and how far apart they are.</summary>
    private static IEnumerable<string> ForecastBesideActual(DemoResult result, Forecast forecast)
    {
        yield return $"Forecast (made when {result.Release} was published) beside what happened:";
        var predicted = forecast.Clusters.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var header = new[] { "forecast for", "start", "actual start", "completion", "actual completion", "off by" };
        var rows = result.Clusters
            .Where(c => predicted.ContainsKey(c.Name))
            .OrderBy(c => c.ReleaseAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c =>
            {
                var p = predicted[c.Name];
                var off = ForecastAgreement.Difference(p, c.ReleaseStartedAt, c.ReleaseAt);
                return new[]
                {
                    c.Name,
                    Moment(p.Start, p.Outcome),
                    Moment(c.ReleaseStartedAt, c.FromVersion is null ? null : p.Outcome),
                    Moment(p.Completion, p.Outcome),
                    Moment(c.ReleaseAt, c.FromVersion is null ? null : p.Outcome),
                    off is { } d ? DemoFormat.Duration(d) : "differs",
                };
            })
            .ToList();
        foreach (var line in Table([header, .. rows]))
        {
            yield return line;
        }
    }

    private static string Moment(DateTimeOffset? at, ForecastOutcome? outcome) =>
        at is { } time ? DemoFormat.Time(time) : outcome == ForecastOutcome.AlreadyThere ? "runs it" : "-";

    private static IEnumerable<string> Table(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
    }
}
