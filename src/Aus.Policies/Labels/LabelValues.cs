using System.Collections.Immutable;
using System.Globalization;

namespace Aus.Policies.Labels;

/// <summary>How the reference reads label values: comma lists kept as written, and integers as pydantic 2 reads them.</summary>
internal static class LabelValues
{
    /// <summary>
    /// Splits on ',' without trimming and keeping empty items ("a, b" is "a" and " b"; "a,,b" has three
    /// items); an empty value is an empty list.
    /// </summary>
    public static ImmutableArray<string> Csv(string value) =>
        value.Length == 0 ? [] : [.. value.Split(',')];

    /// <summary>
    /// An integer as pydantic 2 reads a string in lax mode: surrounding whitespace is trimmed, then an
    /// optional sign, digits with single underscores between them ("1_0"), and optionally a fraction of
    /// zeros only ("1.0"). "1.", "1.5", "1e3" and "" are not integers.
    /// </summary>
    public static bool TryParseInteger(string value, out long result)
    {
        result = 0;
        var text = value.Trim();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var fraction = text[(dot + 1)..];
            if (fraction.Length == 0 || fraction.Any(c => c != '0'))
            {
                return false;
            }

            text = text[..dot];
        }

        var sign = text.Length > 0 && text[0] is '+' or '-' ? text[..1] : string.Empty;
        var digits = text[sign.Length..];
        if (!HasDigitsAndSingleUnderscores(digits))
        {
            return false;
        }

        return long.TryParse(sign + digits.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    private static bool HasDigitsAndSingleUnderscores(string digits)
    {
        if (digits.Length == 0 || digits[0] == '_' || digits[^1] == '_')
        {
            return false;
        }

        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[i];
            if (c == '_' ? digits[i - 1] == '_' : c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
