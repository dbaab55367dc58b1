using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Aus.Domain.Policies;

/// <summary>
/// A blocked-version pattern: a regular expression searched anywhere in the version string, as
/// Python's re.search does. A match timeout keeps a hostile pattern from hanging aus.
/// </summary>
public sealed class VersionPattern : IEquatable<VersionPattern>
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    private VersionPattern(string source, Regex regex)
    {
        Source = source;
        _regex = regex;
    }

    public string Source { get; }

    public static bool TryCreate(string source, [NotNullWhen(true)] out VersionPattern? pattern, out string error)
    {
        pattern = null;
        try
        {
            var regex = new Regex(source, RegexOptions.CultureInvariant, MatchTimeout);
            pattern = new VersionPattern(source, regex);
            error = string.Empty;
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }

    public static VersionPattern Create(string source) =>
        TryCreate(source, out var pattern, out var error) ? pattern : throw new ArgumentException(error, nameof(source));

    /// <summary>
    /// Whether the pattern occurs in the text. A pattern that times out counts as a match: blocking
    /// a version by mistake is safe, upgrading to a version meant to be blocked is not.
    /// </summary>
    public bool IsMatch(string text)
    {
        try
        {
            return _regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    public bool Equals(VersionPattern? other) => other is not null && Source == other.Source;

    public override bool Equals(object? obj) => obj is VersionPattern other && Equals(other);

    public override int GetHashCode() => Source.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Source;
}
