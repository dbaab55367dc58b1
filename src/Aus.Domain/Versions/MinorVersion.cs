using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Aus.Domain.Versions;

/// <summary>The MAJOR.MINOR prefix of a version ("4.16"), as version gates and channels use it.</summary>
public readonly record struct MinorVersion(long Major, long Minor) : IComparable<MinorVersion>
{
    public int CompareTo(MinorVersion other) => (Major, Minor).CompareTo((other.Major, other.Minor));

    public static bool TryParse(string? text, [NotNullWhen(true)] out MinorVersion? minor)
    {
        minor = null;
        var parts = text?.Split('.');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minorNumber))
        {
            return false;
        }

        minor = new MinorVersion(major, minorNumber);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    public static bool operator <(MinorVersion left, MinorVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(MinorVersion left, MinorVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(MinorVersion left, MinorVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(MinorVersion left, MinorVersion right) => left.CompareTo(right) >= 0;
}
