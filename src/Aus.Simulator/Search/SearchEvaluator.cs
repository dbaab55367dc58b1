using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Aus.Simulator.Search;

/// <summary>Applies parsed search conditions to items through a table of searchable fields.</summary>
internal static class SearchEvaluator
{
    /// <summary>The first field the table does not know, or null when every condition can be evaluated.</summary>
    public static string? UnknownField<T>(ImmutableArray<SearchCondition> conditions, IReadOnlyDictionary<string, Func<T, string?>> fields) =>
        conditions.Select(c => c.Field).FirstOrDefault(f => !fields.ContainsKey(f));

    public static bool Matches<T>(T item, ImmutableArray<SearchCondition> conditions, IReadOnlyDictionary<string, Func<T, string?>> fields) =>
        conditions.All(c => Matches(fields[c.Field](item), c));

    private static bool Matches(string? actual, SearchCondition condition)
    {
        if (actual is null)
        {
            return condition.Operator is SearchOperator.NotEqual or SearchOperator.NotIn or SearchOperator.NotLike;
        }

        var value = condition.Values[0];
        return condition.Operator switch
        {
            SearchOperator.Equal => string.Equals(actual, value, StringComparison.Ordinal),
            SearchOperator.NotEqual => !string.Equals(actual, value, StringComparison.Ordinal),
            SearchOperator.In => condition.Values.Contains(actual, StringComparer.Ordinal),
            SearchOperator.NotIn => !condition.Values.Contains(actual, StringComparer.Ordinal),
            SearchOperator.Like => Like(actual, value),
            SearchOperator.NotLike => !Like(actual, value),
            SearchOperator.GreaterOrEqual => Compare(actual, value) >= 0,
            SearchOperator.LessOrEqual => Compare(actual, value) <= 0,
            SearchOperator.Greater => Compare(actual, value) > 0,
            SearchOperator.Less => Compare(actual, value) < 0,
            _ => false,
        };
    }

    // Times compare as instants, numbers as numbers, versions by version order, the rest ordinally.
    internal static int Compare(string actual, string value)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, styles, out var a)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out var b))
        {
            return a.CompareTo(b);
        }

        if (decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var y))
        {
            return x.CompareTo(y);
        }

        return VersionOrder.IsVersion(actual) && VersionOrder.IsVersion(value)
            ? VersionOrder.Instance.Compare(actual, value)
            : string.CompareOrdinal(actual, value);
    }

    private static bool Like(string actual, string pattern)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        regex.Append('$');
        return Regex.IsMatch(actual, regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
