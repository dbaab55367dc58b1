using System.Text;
using Aus.Application.Forecast;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>`aus forecast --output table`: per organization its rollout end, per cluster start, completion and what held it longest.</summary>
internal static class ForecastTableWriter
{
    public static string Write(Forecast forecast)
    {
        var text = new StringBuilder();
        text.Append($"Forecast of {ForecastText.Release(forecast)} from {TimeFormat.Format(forecast.Now)} to {TimeFormat.Format(forecast.End)}");
        text.Append($" (a pass every {ForecastText.Duration(forecast.Interval)}, upgrades take {ForecastText.Duration(forecast.UpgradeDuration)})\n");
        foreach (var organization in forecast.Organizations)
        {
            text.Append('\n');
            var end = organization.RolloutEnd is { } at ? $"rollout ends {TimeFormat.Format(at)}" : "rollout does not end within the horizon";
            var invalid = organization.IsInvalid ? ", invalid: no cluster is upgraded" : string.Empty;
            text.Append($"{organization.Name} ({organization.OrgId}): {Plural.Of(organization.Reached, organization.Clusters, "cluster")} {Plural.Verb(organization.Reached, "gets", "get")} {forecast.Release.Version}, {end}{invalid}\n");
            var clusters = forecast.Clusters.Where(c => c.OrgId == organization.OrgId).ToList();
            var rows = clusters.Select(c => new[]
            {
                c.Name,
                c.Version ?? "-",
                c.Outcome == ForecastOutcome.AlreadyThere ? "already there" : ForecastText.Time(c.Start),
                c.Outcome == ForecastOutcome.NotWithinHorizon ? "not within horizon" : ForecastText.Time(c.Completion),
                c.HeldLongest is { } held ? $"{held.Reason.ToCode()} {ForecastText.Duration(held.Duration)}" : "-",
            }).ToList();
            string[] header = ["CLUSTER", "VERSION", "START", "COMPLETION", "HELD LONGEST"];
            var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
            AppendRow(text, header, widths);
            for (var i = 0; i < rows.Count; i++)
            {
                AppendRow(text, rows[i], widths);
                if (clusters[i].Outcome == ForecastOutcome.NotWithinHorizon)
                {
                    text.Append("      why: ").Append(ForecastText.Why(clusters[i])).Append('\n');
                }
                else if (clusters[i].HeldLongest is { } held)
                {
                    text.Append("      ").Append(held.Detail).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The what-if as a table: one line per cluster whose policy or forecast differs.</summary>
    public static string Write(ForecastComparison comparison)
    {
        var text = new StringBuilder();
        text.Append($"What-if for {ForecastText.Release(comparison.Proposed)}: baseline -> proposed completion\n");
        var changed = comparison.Clusters.Where(c => c.IsChanged).ToList();
        foreach (var cluster in changed)
        {
            text.Append("  ").Append(ForecastText.ComparisonLine(cluster)).Append('\n');
        }

        text.Append($"{Plural.Of(changed.Count, comparison.Clusters.Length, "cluster")} {Plural.Verb(changed.Count, "changes", "change")}\n");
        foreach (var organization in comparison.Organizations)
        {
            text.Append($"{organization.Name} ({organization.OrgId}) rollout end: {ForecastText.Short(organization.Baseline?.RolloutEnd)} -> {ForecastText.Short(organization.Proposed?.RolloutEnd)}\n");
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append("  ");
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        text.Append('\n');
    }
}
