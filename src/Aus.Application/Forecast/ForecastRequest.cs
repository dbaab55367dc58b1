using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Forecast;

/// <summary>
/// Everything a forecast needs: what a planning pass needs (organizations with their stored
/// histories, the fleet as OCM reports it, the time of the first pass), the release, and the
/// assumptions about how the real service and OCM behave.
/// </summary>
public sealed record ForecastRequest(ImmutableArray<OrganizationInput> Organizations, FleetSnapshot Fleet, DateTimeOffset Now, ForecastRelease Release)
{
    public static readonly TimeSpan DefaultUpgradeDuration = TimeSpan.FromMinutes(90);
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromDays(60);

    /// <summary>How long an upgrade runs, from its policy's next run to its completion.</summary>
    public TimeSpan UpgradeDuration { get; init; } = DefaultUpgradeDuration;

    /// <summary>The pass interval: passes run at <see cref="Now"/> and every interval after it.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>How far ahead to forecast; no pass runs after Now + Horizon.</summary>
    public TimeSpan Horizon { get; init; } = DefaultHorizon;

    /// <summary>
    /// The upgrade graph, when known: OCM then offers a cluster the releases above its version that
    /// are in its channel, and the channels of its group that releases at or above it are in. Empty:
    /// OCM offers what the fleet states, and the release by the one-step rule.
    /// </summary>
    public ImmutableArray<GraphRelease> Graph { get; init; } = [];

    public DateTimeOffset End => Now + Horizon;
}
