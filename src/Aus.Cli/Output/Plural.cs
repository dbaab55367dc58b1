using System.Globalization;

namespace Aus.Cli.Output;

/// <summary>Counts in messages: "1 organization", "2 organizations", "0 errors", "1 of 1 cluster".</summary>
internal static class Plural
{
    public static string Count(int count, string noun) => Count(count, noun, noun + "s");

    public static string Count(int count, string noun, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? noun : plural)}");

    /// <summary>A part of a whole, the noun agreeing with the whole: "1 of 1 cluster", "0 of 1 cluster", "2 of 6 clusters".</summary>
    public static string Of(int part, int whole, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{part} of {Count(whole, noun)}");

    /// <summary>The verb agreeing with a count: "1 of 6 clusters runs it", "2 of 6 clusters run it".</summary>
    public static string Verb(int count, string singular, string plural) => count == 1 ? singular : plural;
}
