using System.Collections.Concurrent;
using System.Globalization;

namespace Aus.Ocm.Http;

/// <summary>Counts every HTTP attempt per endpoint and status; safe for concurrent calls.</summary>
internal sealed class OcmCallCounter
{
    public const string NoResponse = "no-response";

    private readonly ConcurrentDictionary<(string Endpoint, string Status), int> _counts = new();

    public void Record(string endpoint, string status) =>
        _counts.AddOrUpdate((endpoint, status), 1, (_, count) => count + 1);

    public static string StatusText(int status) => status.ToString(CultureInfo.InvariantCulture);

    public OcmCallCounts Snapshot() =>
        new(
        [
            .. _counts
                .Select(pair => new OcmCallCount(pair.Key.Endpoint, pair.Key.Status, pair.Value))
                .OrderBy(c => c.Endpoint, StringComparer.Ordinal)
                .ThenBy(c => c.Status, StringComparer.Ordinal),
        ]);
}
