using System.Globalization;
using System.Text.RegularExpressions;

namespace Aus.Policies.Yaml;

/// <summary>A scalar: its text as written and, for plain scalars, the type the YAML core schema gives it.</summary>
internal sealed partial class YamlScalar : YamlNode
{
    private const int DescribeLimit = 60;

    public YamlScalar(int line, int column, string text, bool isPlain, bool isStringTagged)
        : base(line, column)
    {
        Text = text;
        Kind = isStringTagged || !isPlain ? ScalarKind.String : Resolve(text);
    }

    public string Text { get; }

    public ScalarKind Kind { get; }

    public bool IsNull => Kind == ScalarKind.Null;

    public override string Describe()
    {
        if (Kind == ScalarKind.Null)
        {
            return "null";
        }

        var text = Text.Length > DescribeLimit ? string.Concat(Text.AsSpan(0, DescribeLimit), "...") : Text;
        return Kind == ScalarKind.String ? $"'{text}'" : text;
    }

    public bool TryGetInteger(out long value)
    {
        value = 0;
        return Kind == ScalarKind.Integer && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static ScalarKind Resolve(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return ScalarKind.Boolean;
        }

        // Most scalars are names: only a sign, a dot or a digit can start a number.
        if (text[0] is not ('-' or '+' or '.' or (>= '0' and <= '9')))
        {
            return ScalarKind.String;
        }

        // Nor can a number have two dots: versions (4.16.2), the commonest scalars of a fleet, are names.
        if (text.AsSpan().Count('.') > 1)
        {
            return ScalarKind.String;
        }

        if (IntegerPattern().IsMatch(text))
        {
            return ScalarKind.Integer;
        }

        return FloatPattern().IsMatch(text) ? ScalarKind.Float : ScalarKind.String;
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
