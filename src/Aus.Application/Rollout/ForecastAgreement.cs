using Aus.Application.Forecast;

namespace Aus.Application.Rollout;

/// <summary>How far a forecast of a cluster was from what the rollout then did.</summary>
public static class ForecastAgreement
{
    /// <summary>
    /// The larger of the start and completion differences; zero when neither side has an upgrade (or
    /// the cluster ran the release already and no upgrade started); null when only one side has one.
    /// </summary>
    /// <param name="startedAt">When the cluster's upgrade to the release started, if it did.</param>
    /// <param name="reachedAt">When the cluster ran the release, if it did.</param>
    public static TimeSpan? Difference(ClusterForecast forecast, DateTimeOffset? startedAt, DateTimeOffset? reachedAt)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (forecast.Outcome == ForecastOutcome.AlreadyThere)
        {
            return startedAt is null ? TimeSpan.Zero : null;
        }

        if (forecast.Start is null && startedAt is null && reachedAt is null)
        {
            return TimeSpan.Zero;
        }

        if (forecast.Start is not { } start || forecast.Completion is not { } completion
            || startedAt is not { } started || reachedAt is not { } completed)
        {
            return null;
        }

        var startOff = (start - started).Duration();
        var completionOff = (completion - completed).Duration();
        return startOff > completionOff ? startOff : completionOff;
    }
}
