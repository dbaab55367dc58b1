using System.Globalization;
using Aus.Application.Forecast;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>The words and numbers the forecast writers share.</summary>
internal static class ForecastText
{
    public static string Outcome(ForecastOutcome outcome) => outcome switch
    {
        ForecastOutcome.AlreadyThere => "already-there",
        ForecastOutcome.Upgrades => "upgrades",
        _ => "not-within-horizon",
    };

    /// <summary>A duration as people say it: 5d 3h, 2h 30m, 45m.</summary>
    public static string Duration(TimeSpan duration)
    {
        var sign = duration < TimeSpan.Zero ? "-" : string.Empty;
        var d = duration.Duration();
        var text = d switch
        {
            { TotalDays: >= 1 } when d.Hours == 0 => $"{(int)d.TotalDays}d",
            { TotalDays: >= 1 } => $"{(int)d.TotalDays}d {d.Hours}h",
            { TotalHours: >= 1 } when d.Minutes == 0 => $"{(int)d.TotalHours}h",
            { TotalHours: >= 1 } => $"{(int)d.TotalHours}h {d.Minutes}m",
            _ => $"{(int)d.TotalMinutes}m",
        };
        return sign + text;
    }

    /// <summary>A shift as a merge-request comment shows it: -5d, +2.5d, -3h, +45m.</summary>
    public static string Shift(TimeSpan shift)
    {
        var sign = shift < TimeSpan.Zero ? "-" : "+";
        var d = shift.Duration();
        return d.TotalDays >= 1 ? sign + Number(d.TotalDays) + "d"
            : d.TotalHours >= 1 ? sign + Number(d.TotalHours) + "h"
            : sign + Number(d.TotalMinutes) + "m";

        static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>A short date for comments: "Nov 30 14:00" (UTC).</summary>
    public static string Short(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("MMM d HH:mm", CultureInfo.InvariantCulture) : "never";

    public static string Time(DateTimeOffset? time) => time is { } t ? TimeFormat.Format(t) : "-";

    public static string Release(Forecast forecast) => forecast.Release.OfferedAt is { } at && at > forecast.Now
        ? $"{forecast.Release.Version} (offered {TimeFormat.Format(at)})"
        : $"{forecast.Release.Version}";

    /// <summary>What a cluster's row says when it does not get the release: the last reason it was held.</summary>
    public static string Why(ClusterForecast cluster) => cluster.LastCondition is { } last
        ? $"{last.Reason.ToCode()}: {last.Detail}"
        : "no decision";

    /// <summary>One line of the what-if: "prod-1: Nov 30 14:00 -> Nov 25 14:00 (-5d): soakDays 7 -> 2".</summary>
    public static string ComparisonLine(ClusterComparison cluster)
    {
        var before = Completion(cluster.Baseline);
        var after = Completion(cluster.Proposed);
        var shift = cluster.CompletionShift is { } s && s != TimeSpan.Zero ? $" ({Shift(s)})" : string.Empty;
        var changes = cluster.Changes.IsEmpty ? string.Empty : ": " + string.Join(", ", cluster.Changes.Select(c => $"{c.Field} {c.Before} -> {c.After}"));
        return $"{cluster.Name}: {before} -> {after}{shift}{changes}";
    }

    private static string Completion(ClusterForecast? cluster) => cluster switch
    {
        null => "no policy",
        { Outcome: ForecastOutcome.AlreadyThere } => "already there",
        { Completion: { } completion } => Short(completion),
        _ => "not within the horizon",
    };
}
