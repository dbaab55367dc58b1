using System.Text;
using Aus.Application.Forecast;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>`aus forecast --output markdown`: the forecast, or the what-if ready to paste into a merge-request comment.</summary>
internal static class ForecastMarkdownWriter
{
    public static string Write(Forecast forecast)
    {
        var text = new StringBuilder();
        text.Append($"## Forecast of {ForecastText.Release(forecast)}\n\n");
        text.Append($"From {TimeFormat.Format(forecast.Now)} to {TimeFormat.Format(forecast.End)}; a pass every {ForecastText.Duration(forecast.Interval)}, upgrades take {ForecastText.Duration(forecast.UpgradeDuration)}.\n\n");
        text.Append("| Organization | Clusters | Get the release | Rollout ends |\n| --- | --- | --- | --- |\n");
        foreach (var organization in forecast.Organizations)
        {
            text.Append($"| {Cell(organization.Name)} | {organization.Clusters} | {organization.Reached} | {(organization.RolloutEnd is { } at ? TimeFormat.Format(at) : "not within the horizon")} |\n");
        }

        text.Append("\n| Cluster | Organization | Version | Start | Completion | Held longest |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var cluster in forecast.Clusters)
        {
            var held = cluster.Outcome == ForecastOutcome.NotWithinHorizon
                ? ForecastText.Why(cluster)
                : cluster.HeldLongest is { } h ? $"{h.Reason.ToCode()} for {ForecastText.Duration(h.Duration)}: {h.Detail}" : string.Empty;
            var start = cluster.Outcome == ForecastOutcome.AlreadyThere ? "already there" : ForecastText.Time(cluster.Start);
            var completion = cluster.Outcome == ForecastOutcome.NotWithinHorizon ? "not within the horizon" : ForecastText.Time(cluster.Completion);
            text.Append($"| {Cell(cluster.Name)} | {Cell(cluster.OrgId)} | {cluster.Version ?? "-"} | {start} | {completion} | {Cell(held)} |\n");
        }

        return text.ToString();
    }

    /// <summary>The what-if: the clusters whose policy or forecast changes, one line each, then each organization's rollout end.</summary>
    public static string Write(ForecastComparison comparison)
    {
        var text = new StringBuilder();
        var changed = comparison.Clusters.Where(c => c.IsChanged).ToList();
        text.Append($"### aus forecast: {ForecastText.Release(comparison.Proposed)}, baseline -> proposed\n\n");
        if (changed.Count == 0)
        {
            text.Append("No cluster's forecast or policy changes.\n");
        }

        foreach (var cluster in changed)
        {
            text.Append("- ").Append(ForecastText.ComparisonLine(cluster)).Append('\n');
        }

        text.Append($"\n{Plural.Of(changed.Count, comparison.Clusters.Length, "cluster")} {Plural.Verb(changed.Count, "changes", "change")}. Rollout end per organization:\n\n");
        foreach (var organization in comparison.Organizations)
        {
            var before = organization.Baseline?.RolloutEnd;
            var after = organization.Proposed?.RolloutEnd;
            var shift = before is { } b && after is { } a && a != b ? $" ({ForecastText.Shift(a - b)})" : string.Empty;
            text.Append($"- {organization.Name}: {ForecastText.Short(before)} -> {ForecastText.Short(after)}{shift}\n");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
