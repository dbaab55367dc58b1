using Aus.Application.Forecast;
using Aus.Application.Views;
using Aus.Domain.Planning;

namespace Aus.Cli.Service;

/// <summary>The forecast of the newest release for a one-off view (`aus report --output html`), bounded in time.</summary>
internal static class DashboardForecast
{
    /// <summary>
    /// Forecasts the newest release from the request; a failure, or a forecast that outlasts
    /// <paramref name="timeout"/> (it runs on in the background and is dropped), makes it unavailable, with why.
    /// </summary>
    public static ReleaseForecast For(PlanRequest request, TimeSpan timeout)
    {
        var work = Task.Run(() => ReleaseTimeline.ForNewestRelease(request));
        try
        {
            return work.Wait(timeout) ? ReleaseForecast.Of(work.Result) : ReleaseForecast.TookLongerThan(timeout);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            return ReleaseForecast.Failed(e.InnerExceptions[0]);
        }
    }
}
