using System.Globalization;

namespace Aus.Domain.Planning;

/// <summary>Times as the plan and OCM write them: UTC, yyyy-MM-ddTHH:mm:ssZ.</summary>
public static class TimeFormat
{
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
