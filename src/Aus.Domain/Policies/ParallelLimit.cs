using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Aus.Domain.Policies;

/// <summary>A sector's maxParallelUpgrades: a count ("2") or a percentage ("50%").</summary>
public sealed record ParallelLimit(int Value, bool IsPercent)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out ParallelLimit? limit)
    {
        limit = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var isPercent = text.EndsWith('%');
        var number = isPercent ? text[..^1] : text;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        if (!isPercent && value <= 0)
        {
            return false;
        }

        limit = new ParallelLimit(value, isPercent);
        return true;
    }

    /// <summary>
    /// The number of parallel upgrades allowed among <paramref name="clusters"/> clusters: a percentage
    /// is rounded half to even (as Python's round) and never allows fewer than one.
    /// </summary>
    public int MaxFor(int clusters)
    {
        var max = IsPercent
            ? (int)Math.Round(clusters * Value / 100.0, MidpointRounding.ToEven)
            : Value;
        return Math.Max(max, 1);
    }

    public override string ToString() =>
        IsPercent ? string.Create(CultureInfo.InvariantCulture, $"{Value}%") : Value.ToString(CultureInfo.InvariantCulture);
}
