using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Aus.Simulator;

/// <summary>Request counters per endpoint (method and route template) and status code.</summary>
public sealed class SimulatorStats
{
    /// <summary>The status recorded for a connection the fault injector dropped.</summary>
    public const string Dropped = "dropped";

    private readonly ConcurrentDictionary<(string Endpoint, string Status), int> counts = new();

    /// <summary>How many requests reached <paramref name="endpoint"/> (e.g. <c>GET /api/clusters_mgmt/v1/clusters</c>), any status.</summary>
    public int Count(string endpoint) => counts.Where(c => c.Key.Endpoint == endpoint).Sum(c => c.Value);

    public int Count(string endpoint, int status) => Count(endpoint, status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public int Count(string endpoint, string status) => counts.TryGetValue((endpoint, status), out var n) ? n : 0;

    public int Total => counts.Values.Sum();

    /// <summary>Endpoint → status → count, sorted for stable output.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, int>> Snapshot() =>
        counts.GroupBy(c => c.Key.Endpoint)
            .ToImmutableSortedDictionary(
                g => g.Key,
                g => g.ToImmutableSortedDictionary(c => c.Key.Status, c => c.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);

    public void Reset() => counts.Clear();

    internal void Record(string endpoint, string status) => counts.AddOrUpdate((endpoint, status), 1, (_, n) => n + 1);
}
