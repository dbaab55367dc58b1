using Aus.Application.Forecast;
using Aus.Application.Views;
using Aus.Domain.Planning;

namespace Aus.Cli.Service;

/// <summary>The forecast of the newest release for a one-off view (`aus report --output html`), bounded in time.</summary>
internal static class DashboardForecast
{
    /// <summary>Forecasts the newest release from the request; a failure, or a forecast stopped after <paramref name="timeout"/>, makes it unavailable, with why.</summary>
    public static ReleaseForecast For(PlanRequest request, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            return ReleaseForecast.Of(ReleaseTimeline.ForNewestRelease(request, new ReleaseTimelineOptions { CancellationToken = limit.Token }));
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return ReleaseForecast.TookLongerThan(timeout);
        }
        catch (Exception e)
        {
            return ReleaseForecast.Failed(e);
        }
    }
}
