using System.Globalization;
using System.Text.RegularExpressions;

namespace Aus.Cli.Service;

/// <summary>Durations as operators write them: <c>5m</c>, <c>30s</c>, <c>1h30m</c>, <c>250ms</c>.</summary>
internal static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = Unit().Match(part.Value).Value;
            var amount = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        return true;
    }

    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalMilliseconds: < 1000 } => FormattableString.Invariant($"{duration.TotalMilliseconds}ms"),
        { Milliseconds: 0, Seconds: not 0 } or { Milliseconds: not 0 } => FormattableString.Invariant($"{duration.TotalSeconds}s"),
        { Minutes: not 0 } => FormattableString.Invariant($"{duration.TotalMinutes}m"),
        _ => FormattableString.Invariant($"{duration.TotalHours}h"),
    };

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(ms|s|m|h|d)$", RegexOptions.CultureInvariant)]
    private static partial Regex Unit();
}
