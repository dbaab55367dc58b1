using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Aus.Ocm;

/// <summary>HTTP calls made to OCM, per endpoint and status, sorted by endpoint then status.</summary>
public sealed record OcmCallCounts(ImmutableArray<OcmCallCount> Calls)
{
    public static readonly OcmCallCounts None = new(ImmutableArray<OcmCallCount>.Empty);

    public int Total => Calls.Sum(c => c.Count);

    /// <summary>Calls to an endpoint ("GET /api/clusters_mgmt/v1/clusters"), every status together.</summary>
    public int For(string endpoint) =>
        Calls.Where(c => string.Equals(c.Endpoint, endpoint, StringComparison.Ordinal)).Sum(c => c.Count);

    public int For(string endpoint, string status) =>
        Calls.Where(c => string.Equals(c.Endpoint, endpoint, StringComparison.Ordinal) && string.Equals(c.Status, status, StringComparison.Ordinal))
            .Sum(c => c.Count);

    /// <summary>The calls made since <paramref name="earlier"/> was taken.</summary>
    public OcmCallCounts Since(OcmCallCounts earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var before = earlier.Calls.ToDictionary(c => (c.Endpoint, c.Status), c => c.Count);
        return new OcmCallCounts(
        [
            .. Calls
                .Select(c => c with { Count = c.Count - before.GetValueOrDefault((c.Endpoint, c.Status)) })
                .Where(c => c.Count > 0),
        ]);
    }

    /// <summary>One line per endpoint and status, for logs and reports.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var call in Calls)
        {
            text.Append(CultureInfo.InvariantCulture, $"{call.Endpoint} {call.Status}: {call.Count}").Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"total: {Total}");
        return text.ToString();
    }
}
