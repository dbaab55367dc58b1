using System.Globalization;

namespace Aus.Simulator;

/// <summary>Orders OpenShift versions (x.y.z with an optional pre-release) the way OCM does, without our domain types.</summary>
internal sealed class VersionOrder : IComparer<string>
{
    public static readonly VersionOrder Instance = new();

    public static bool IsVersion(string text) => TryParse(text, out _, out _);

    public static string Minor(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : version;
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        if (!TryParse(x, out var xs, out var xp) || !TryParse(y, out var ys, out var yp))
        {
            return string.CompareOrdinal(x, y);
        }

        for (var i = 0; i < Math.Max(xs.Length, ys.Length); i++)
        {
            var a = i < xs.Length ? xs[i] : 0;
            var b = i < ys.Length ? ys[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        // A release sorts after every pre-release of the same numbers (semver).
        if (xp is null || yp is null)
        {
            return xp is null ? (yp is null ? 0 : 1) : -1;
        }

        return ComparePreRelease(xp, yp);
    }

    private static int ComparePreRelease(string x, string y)
    {
        var xi = x.Split('.');
        var yi = y.Split('.');
        for (var i = 0; i < Math.Min(xi.Length, yi.Length); i++)
        {
            var xNumeric = long.TryParse(xi[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xn);
            var yNumeric = long.TryParse(yi[i], NumberStyles.None, CultureInfo.InvariantCulture, out var yn);
            var c = (xNumeric, yNumeric) switch
            {
                (true, true) => xn.CompareTo(yn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(xi[i], yi[i]),
            };
            if (c != 0)
            {
                return c;
            }
        }

        return xi.Length.CompareTo(yi.Length);
    }

    private static bool TryParse(string text, out long[] numbers, out string? preRelease)
    {
        numbers = [];
        preRelease = null;
        var core = text;
        var plus = core.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            core = core[..plus];
        }

        var dash = core.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            preRelease = core[(dash + 1)..];
            core = core[..dash];
            if (preRelease.Length == 0)
            {
                return false;
            }
        }

        var parts = core.Split('.');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        numbers = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        return true;
    }
}
