using Aus.Application.Forecast;

namespace Aus.Cli.Demo;

/// <summary>How far the forecast made at the start was from what the simulator did, per cluster.</summary>
internal static class DemoForecastCheck
{
    /// <summary>
    /// The larger of the start and completion differences; zero when neither side has an upgrade (or
    /// the cluster ran the release already); null when only one side has one.
    /// </summary>
    public static TimeSpan? Difference(ClusterForecast forecast, DemoClusterSummary actual)
    {
        if (forecast.Outcome == ForecastOutcome.AlreadyThere)
        {
            return actual.ReleaseStartedAt is null ? TimeSpan.Zero : null;
        }

        if (forecast.Start is null && actual.ReleaseStartedAt is null && actual.ReleaseAt is null)
        {
            return TimeSpan.Zero;
        }

        if (forecast.Start is not { } start || forecast.Completion is not { } completion
            || actual.ReleaseStartedAt is not { } started || actual.ReleaseAt is not { } completed)
        {
            return null;
        }

        var startOff = (start - started).Duration();
        var completionOff = (completion - completed).Duration();
        return startOff > completionOff ? startOff : completionOff;
    }
}
