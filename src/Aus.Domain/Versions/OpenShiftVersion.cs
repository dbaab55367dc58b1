using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Aus.Domain.Versions;

/// <summary>
/// An OpenShift release version, ordered by SemVer 2.0 precedence: pre-releases sort before the
/// release, numeric identifiers compare numerically, build metadata is ignored.
/// </summary>
public sealed class OpenShiftVersion : IComparable<OpenShiftVersion>, IEquatable<OpenShiftVersion>
{
    private readonly string[] _preRelease;
    private readonly string _text;

    private OpenShiftVersion(long major, long minor, long patch, string[] preRelease, string build, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        _preRelease = preRelease;
        Build = build;
        _text = text;
    }

    public long Major { get; }

    public long Minor { get; }

    public long Patch { get; }

    public IReadOnlyList<string> PreRelease => _preRelease;

    public string Build { get; }

    public bool IsPreRelease => _preRelease.Length > 0;

    public MinorVersion MinorVersion => new(Major, Minor);

    public static OpenShiftVersion Parse(string text) =>
        TryParse(text, out var version, out var error) ? version : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out OpenShiftVersion? version) =>
        TryParse(text, out version, out _);

    public static bool TryParse(string? text, [NotNullWhen(true)] out OpenShiftVersion? version, out string error)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "a version is empty; expected MAJOR.MINOR.PATCH such as 4.16.2";
            return false;
        }

        error = $"'{text}' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1";
        var rest = text;
        var build = string.Empty;
        var plus = rest.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            build = rest[(plus + 1)..];
            rest = rest[..plus];
            if (!AreValidIdentifiers(build, numericLeadingZeroAllowed: true))
            {
                return false;
            }
        }

        var preRelease = Array.Empty<string>();
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            var pre = rest[(dash + 1)..];
            rest = rest[..dash];
            if (!AreValidIdentifiers(pre, numericLeadingZeroAllowed: false))
            {
                return false;
            }

            preRelease = pre.Split('.');
        }

        var core = rest.Split('.');
        if (core.Length != 3
            || !TryParseNumber(core[0], out var major)
            || !TryParseNumber(core[1], out var minor)
            || !TryParseNumber(core[2], out var patch))
        {
            return false;
        }

        version = new OpenShiftVersion(major, minor, patch, preRelease, build, text);
        error = string.Empty;
        return true;
    }

    public int CompareTo(OpenShiftVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byCore = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byCore != 0)
        {
            return byCore;
        }

        return ComparePreRelease(_preRelease, other._preRelease);
    }

    public bool Equals(OpenShiftVersion? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is OpenShiftVersion other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Major, Minor, Patch, string.Join('.', _preRelease));

    public override string ToString() => _text;

    public static bool operator ==(OpenShiftVersion? left, OpenShiftVersion? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(OpenShiftVersion? left, OpenShiftVersion? right) => !(left == right);

    public static bool operator <(OpenShiftVersion left, OpenShiftVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(OpenShiftVersion left, OpenShiftVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(OpenShiftVersion left, OpenShiftVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(OpenShiftVersion left, OpenShiftVersion right) => left.CompareTo(right) >= 0;

    public static OpenShiftVersion Min(OpenShiftVersion a, OpenShiftVersion b) => a <= b ? a : b;

    private static int ComparePreRelease(string[] left, string[] right)
    {
        // A release has higher precedence than any of its pre-releases.
        if (left.Length == 0 || right.Length == 0)
        {
            return right.Length.CompareTo(left.Length);
        }

        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var byIdentifier = CompareIdentifier(left[i], right[i]);
            if (byIdentifier != 0)
            {
                return byIdentifier;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int CompareIdentifier(string left, string right)
    {
        var leftNumeric = IsNumeric(left);
        var rightNumeric = IsNumeric(right);
        if (leftNumeric && rightNumeric)
        {
            var byLength = left.Length.CompareTo(right.Length);
            return byLength != 0 ? byLength : string.CompareOrdinal(left, right);
        }

        if (leftNumeric != rightNumeric)
        {
            return leftNumeric ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(left, right));
    }

    private static bool TryParseNumber(string part, out long value)
    {
        value = 0;
        if (part.Length == 0 || !IsNumeric(part) || (part.Length > 1 && part[0] == '0'))
        {
            return false;
        }

        return long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool AreValidIdentifiers(string dotted, bool numericLeadingZeroAllowed)
    {
        foreach (var identifier in dotted.Split('.'))
        {
            if (identifier.Length == 0 || !identifier.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }

            if (!numericLeadingZeroAllowed && IsNumeric(identifier) && identifier.Length > 1 && identifier[0] == '0')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumeric(string identifier) => identifier.All(char.IsAsciiDigit);
}
