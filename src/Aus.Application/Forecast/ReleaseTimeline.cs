using System.Collections.Immutable;
using Aus.Domain.Planning;
using Aus.Domain.Versions;

namespace Aus.Application.Forecast;

/// <summary>
/// The forecast a dashboard draws as a timeline: for the newest release OCM offers the fleet, when
/// each cluster starts and completes it and when each organization's rollout ends, from the inputs
/// of the service's latest pass. Pure, like <see cref="ForecastEngine"/>.
/// </summary>
public static class ReleaseTimeline
{
    /// <summary>
    /// Forecasts the newest release from the pass inputs (organizations with their histories, the
    /// fleet as OCM reported it, the pass's time); null when the fleet has no version to follow.
    /// </summary>
    public static ReleaseTimelineView? ForNewestRelease(PlanRequest latestPass, ReleaseTimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(latestPass);
        if (NewestRelease(latestPass) is not { } release)
        {
            return null;
        }

        options ??= new ReleaseTimelineOptions();
        var forecast = ForecastEngine.Run(
            new ForecastRequest(latestPass.Organizations, latestPass.Fleet, latestPass.Now, new ForecastRelease(release))
            {
                UpgradeDuration = options.UpgradeDuration,
                Interval = options.Interval,
                Horizon = options.Horizon,
            },
            options.CancellationToken);
        return new ReleaseTimelineView
        {
            Release = release.ToString(),
            Now = forecast.Now,
            End = forecast.End,
            Clusters =
            [
                .. forecast.Clusters.Select(c => new ClusterTimeline(
                    c.OrgId,
                    c.Name,
                    c.Version,
                    c.Outcome,
                    c.Start,
                    c.Completion,
                    (c.Start is null ? c.LastCondition : c.HeldLongest)?.Reason.ToCode())),
            ],
            Organizations = [.. forecast.Organizations.Select(o => new OrganizationTimeline(o.OrgId, o.Name, o.Clusters, o.Reached, o.RolloutEnd))],
        };
    }

    /// <summary>
    /// The newest release: the highest version, not a pre-release, that OCM offers a cluster of the
    /// configured organizations or that one runs already.
    /// </summary>
    public static OpenShiftVersion? NewestRelease(PlanRequest latestPass)
    {
        ArgumentNullException.ThrowIfNull(latestPass);
        var orgIds = latestPass.Organizations.Select(o => o.Policy.OrgId).ToHashSet();
        return latestPass.Fleet.Organizations
            .Where(o => orgIds.Contains(o.OrgId))
            .SelectMany(o => o.Clusters)
            .SelectMany(c => c.AvailableUpgrades.Prepend(c.Version))
            .Where(v => !v.IsPreRelease)
            .Max();
    }
}

/// <summary>The assumptions of a <see cref="ReleaseTimeline"/>: those of a forecast, with its defaults.</summary>
public sealed record ReleaseTimelineOptions
{
    public TimeSpan UpgradeDuration { get; init; } = ForecastRequest.DefaultUpgradeDuration;

    public TimeSpan Interval { get; init; } = ForecastRequest.DefaultInterval;

    public TimeSpan Horizon { get; init; } = ForecastRequest.DefaultHorizon;

    /// <summary>Gives the forecast up (with <see cref="OperationCanceledException"/>) once cancelled: a caller's time limit.</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>A forecast reduced to what a timeline draws.</summary>
public sealed record ReleaseTimelineView
{
    public required string Release { get; init; }

    /// <summary>The first pass of the forecast (the latest pass's time).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The end of the horizon.</summary>
    public required DateTimeOffset End { get; init; }

    public ImmutableArray<ClusterTimeline> Clusters { get; init; } = [];

    public ImmutableArray<OrganizationTimeline> Organizations { get; init; } = [];
}

/// <summary>
/// One cluster's bar: start and completion of the release (both null when it runs it already or
/// does not get it within the horizon); <paramref name="Reason"/> is the reason code that held it
/// longest before its start, or, without a start, the planner's last reason for it.
/// </summary>
public sealed record ClusterTimeline(string OrgId, string Name, string? Version, ForecastOutcome Outcome, DateTimeOffset? Start, DateTimeOffset? Completion, string? Reason);

/// <summary>One organization's end of rollout: null when some of its clusters do not get the release within the horizon.</summary>
public sealed record OrganizationTimeline(string OrgId, string Name, int Clusters, int Reached, DateTimeOffset? RolloutEnd);
