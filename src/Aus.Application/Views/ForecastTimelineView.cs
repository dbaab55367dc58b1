using System.Collections.Immutable;
using Aus.Application.Forecast;

namespace Aus.Application.Views;

/// <summary>
/// The forecast of the newest release for one organization: when each cluster is predicted to start
/// and complete it, clusters in the order of the sector flow, and when the organization's rollout ends.
/// </summary>
public sealed record ForecastTimelineView
{
    public required string Release { get; init; }

    /// <summary>The pass the forecast starts from.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The end of the forecast's horizon: nothing is predicted after it.</summary>
    public required DateTimeOffset Horizon { get; init; }

    /// <summary>When the last cluster completes the release; null when one does not get it within the horizon.</summary>
    public DateTimeOffset? RolloutEnd { get; init; }

    /// <summary>Clusters that run the release at the end of the rollout, or already do.</summary>
    public int Reached { get; init; }

    /// <summary>Clusters of sectors in dependency order (a sector after those it depends on), then clusters without a sector; within each those already there, then by start, then those not reached.</summary>
    public ImmutableArray<ForecastClusterView> Clusters { get; init; } = [];
}

/// <summary>
/// One cluster of a <see cref="ForecastTimelineView"/>: its predicted start and completion (none when it
/// runs the release already or does not get it within the horizon), and the reason code that held it
/// longest before its start (without a start: the planner's last reason for it).
/// </summary>
public sealed record ForecastClusterView(string Cluster, string? Sector, string? Version, ForecastOutcome Outcome, DateTimeOffset? Start, DateTimeOffset? Completion, string? Reason);

/// <summary>
/// The forecast a view is built with: the timeline of the environment's newest release, or why there
/// is none (the forecast failed, took too long, or found no version), or nothing yet (being computed).
/// </summary>
public sealed record ReleaseForecast
{
    /// <summary>Not computed yet: the first forecast of the service is being made.</summary>
    public static readonly ReleaseForecast Pending = new();

    public ReleaseTimelineView? Timeline { get; private init; }

    /// <summary>Why there is no forecast, in words; null when there is one or it is pending.</summary>
    public string? Unavailable { get; private init; }

    /// <summary>The forecast of a timeline; a null timeline (the fleet has no version) is unavailable.</summary>
    public static ReleaseForecast Of(ReleaseTimelineView? timeline) =>
        timeline is null ? NotAvailable("no cluster of the planned organizations has a version to follow") : new() { Timeline = timeline };

    public static ReleaseForecast Failed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return NotAvailable($"the forecast failed: {error.Message}");
    }

    public static ReleaseForecast TookLongerThan(TimeSpan timeout) =>
        NotAvailable(FormattableString.Invariant($"the forecast took longer than {timeout.TotalSeconds:0.###} s and was given up"));

    public static ReleaseForecast NotAvailable(string why) => new() { Unavailable = why };
}
