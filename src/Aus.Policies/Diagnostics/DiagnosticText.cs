using System.Globalization;
using System.Text;

namespace Aus.Policies.Diagnostics;

/// <summary>
/// Makes text fit for a diagnostic line: control characters (C0, DEL, C1) and the Unicode line and
/// paragraph separators are written as escapes, so a value read from a file can neither start a
/// forged <c>FILE:LINE:COL: error:</c> line nor send terminal escapes; a long message is cut.
/// Every <see cref="Diagnostic"/> goes through it, whichever reader made it.
/// </summary>
public static class DiagnosticText
{
    /// <summary>The longest message shown whole; far above any message aus writes itself.</summary>
    public const int MaxLength = 1000;

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when NeedsEscape(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>The message escaped, and cut after <see cref="MaxLength"/> characters saying how many were left out.</summary>
    public static string Message(string message)
    {
        var escaped = Escape(message);
        if (escaped.Length <= MaxLength)
        {
            return escaped;
        }

        // Never cut a surrogate pair in two.
        var cut = char.IsHighSurrogate(escaped[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Create(CultureInfo.InvariantCulture, $"{escaped[..cut]}... ({escaped.Length - cut} more characters)");
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
