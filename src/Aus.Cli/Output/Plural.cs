using System.Globalization;

namespace Aus.Cli.Output;

/// <summary>Counts in messages: "1 organization", "2 organizations", "0 errors".</summary>
internal static class Plural
{
    public static string Count(int count, string noun) => Count(count, noun, noun + "s");

    public static string Count(int count, string noun, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? noun : plural)}");
}
