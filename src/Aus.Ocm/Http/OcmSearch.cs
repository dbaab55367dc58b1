using System.Collections.Immutable;

namespace Aus.Ocm.Http;

/// <summary>
/// An OCM search expression as the reference writes it: conditions sorted by key and joined with
/// " and "; <c>k='v'</c>, <c>k in ('a','b')</c> (values sorted), <c>k like 'p%'</c>,
/// <c>k &gt;= 'v'</c>; single quotes inside values doubled.
/// </summary>
internal sealed class OcmSearch
{
    private readonly ImmutableList<(string Key, string Text)> _conditions;

    private OcmSearch(ImmutableList<(string Key, string Text)> conditions) => _conditions = conditions;

    public static OcmSearch Empty { get; } = new([]);

    public OcmSearch Equal(string key, string value) => With(key, $"{key}='{Quote(value)}'");

    public OcmSearch In(string key, IEnumerable<string> values)
    {
        var sorted = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => $"'{Quote(v)}'");
        return With(key, $"{key} in ({string.Join(',', sorted)})");
    }

    public OcmSearch Like(string key, string pattern) => With(key, $"{key} like '{Quote(pattern)}'");

    public OcmSearch AtLeast(string key, string value) => With(key, $"{key} >= '{Quote(value)}'");

    public override string ToString() =>
        string.Join(" and ", _conditions.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Text));

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private OcmSearch With(string key, string text) => new(_conditions.Add((key, text)));
}
