using System.Globalization;
using Aus.Domain.Planning;

namespace Aus.Cli.Demo;

/// <summary>How the demo writes times, durations and decisions, the same in the live view and in plain lines.</summary>
internal static class DemoFormat
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"+2h30m", "+3d14h": time since the release was published.</summary>
    public static string Elapsed(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        var text = elapsed.Days > 0
            ? $"+{elapsed.Days}d{elapsed.Hours}h"
            : $"+{elapsed.Hours}h";
        return elapsed.Minutes > 0 ? $"{text}{elapsed.Minutes:00}m" : text;
    }

    /// <summary>"4d 6h 30m": a duration for the summary.</summary>
    public static string Duration(TimeSpan duration)
    {
        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add($"{duration.Days}d");
        }

        if (duration.Hours > 0)
        {
            parts.Add($"{duration.Hours}h");
        }

        if (duration.Minutes > 0 || parts.Count == 0)
        {
            parts.Add($"{duration.Minutes}m");
        }

        return string.Join(' ', parts);
    }

    public static string Days(double days) => days.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>What aus decided for the cluster, in a few words: "upgrade to 4.16.10 at 12:00", "waits (soaking)".</summary>
    public static string Decision(DemoClusterState cluster) => Decision(cluster.Decision, cluster.Reason, cluster.TargetVersion);

    /// <summary>What aus decided, in a few words, for a cluster or an add-on.</summary>
    public static string Decision(Decision decision, Reason reason, string? targetVersion)
    {
        if (decision == Aus.Domain.Planning.Decision.Upgrade)
        {
            return targetVersion is null ? "upgrade" : $"upgrade → {targetVersion}";
        }

        return reason switch
        {
            Reason.UpgradeInProgress => "upgrade in progress",
            Reason.NoUpgradesAvailable => "up to date",
            _ => $"waits ({reason.ToCode()})",
        };
    }
}
