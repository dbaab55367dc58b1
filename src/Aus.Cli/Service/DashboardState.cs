using System.Collections.Immutable;
using Aus.Application.Forecast;
using Aus.Application.Inputs;
using Aus.Application.Reconcile;
using Aus.Application.Views;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Cli.Service;

/// <summary>
/// What the dashboard shows between passes: each organization's last plan, the last passes and the
/// forecast of each environment's newest release. Written by the pass loop and the forecast, read by
/// the HTTP endpoints; only whole snapshots are swapped, and the view is built once per change.
/// </summary>
/// <remarks>
/// The forecast runs off the pass and off the requests, one at a time, from the newest pass's inputs
/// (a pass that ends while one runs waits, and only the newest waits). A forecast that fails or
/// outlasts its timeout (it is stopped then) leaves the environment's forecast unavailable, with
/// why; the pass and the rest of the view are untouched.
/// </remarks>
internal sealed class DashboardState
{
    /// <summary>How many passes the dashboard lists.</summary>
    public const int PassesKept = 20;

    /// <summary>How long a forecast may take before the dashboard gives it up.</summary>
    public static readonly TimeSpan ForecastTimeout = TimeSpan.FromMinutes(2);

    private readonly Lock _lock = new();
    private Func<PlanRequest, CancellationToken, ReleaseTimelineView?>? _forecast;
    private TimeSpan _forecastTimeout = ForecastTimeout;
    private ImmutableDictionary<(EnvironmentName Environment, OrganizationId OrgId), OrganizationSource> _organizations = ImmutableDictionary<(EnvironmentName, OrganizationId), OrganizationSource>.Empty;
    private ImmutableDictionary<EnvironmentName, ReleaseForecast> _forecasts = ImmutableDictionary<EnvironmentName, ReleaseForecast>.Empty;
    private ImmutableList<PassView> _passes = [];
    private DateTimeOffset? _now;
    private FleetView? _view;
    private ImmutableArray<PlanRequest>? _queued;
    private bool _forecasting;
    private Task _forecastLoop = Task.CompletedTask;

    /// <summary>
    /// From now on, forecasts each environment's newest release after every pass, with passes every
    /// <paramref name="passInterval"/> and upgrades that take <paramref name="upgradeDuration"/> (by default the forecast's 90 minutes).
    /// </summary>
    public void ForecastNewestRelease(TimeSpan passInterval, TimeSpan? upgradeDuration = null)
    {
        var options = new ReleaseTimelineOptions { Interval = passInterval, UpgradeDuration = upgradeDuration ?? ForecastRequest.DefaultUpgradeDuration };
        ForecastWith((request, limit) => ReleaseTimeline.ForNewestRelease(request, options with { CancellationToken = limit }), ForecastTimeout);
    }

    /// <summary>
    /// From now on, forecasts with <paramref name="forecast"/> after every pass (null: the fleet has no
    /// version to follow); its token is cancelled after <paramref name="timeout"/>, and it gives up.
    /// </summary>
    public void ForecastWith(Func<PlanRequest, CancellationToken, ReleaseTimelineView?> forecast, TimeSpan timeout)
    {
        lock (_lock)
        {
            _forecast = forecast;
            _forecastTimeout = timeout;
        }
    }

    /// <summary>Completes when no forecast is running or waiting (for tests and an orderly look).</summary>
    public Task ForecastsDone
    {
        get
        {
            lock (_lock)
            {
                return _forecastLoop;
            }
        }
    }

    /// <summary>Takes in a pass. An organization another replica had keeps the plan this replica last made of it.</summary>
    public void Record(ServicePass pass, IEnumerable<OrganizationConfig> organizations)
    {
        ArgumentNullException.ThrowIfNull(pass);
        Record(pass.Now, pass.Duration, pass.Organizations, organizations, pass.Requests);
    }

    /// <summary>Takes in the outcomes of a pass at <paramref name="now"/> that took <paramref name="duration"/>, and the requests it planned.</summary>
    public void Record(DateTimeOffset now, TimeSpan duration, ImmutableArray<OrganizationOutcome> outcomes, IEnumerable<OrganizationConfig> organizations, ImmutableArray<PlanRequest> requests = default)
    {
        var sources = FleetViewBuilder.Sources(outcomes, organizations.Select(o => o.Policy));
        var view = FleetViewBuilder.Pass(now, duration, outcomes);
        lock (_lock)
        {
            var kept = sources.Select(s => s.Plan is null && s.Failure is null && _organizations.TryGetValue((s.Environment, s.OrgId), out var earlier) ? earlier : s);
            _organizations = kept.ToImmutableDictionary(s => (s.Environment, s.OrgId));
            _passes = _passes.Insert(0, view);
            if (_passes.Count > PassesKept)
            {
                _passes = _passes.RemoveRange(PassesKept, _passes.Count - PassesKept);
            }

            _now = now;
            _view = null;
            if (_forecast is not null && !requests.IsDefaultOrEmpty)
            {
                QueueForecasts(requests);
            }
        }
    }

    /// <summary>The view as of the last pass (empty before the first).</summary>
    public FleetView View(DateTimeOffset fallbackNow)
    {
        lock (_lock)
        {
            if (_now is null)
            {
                return new FleetView(fallbackNow, []);
            }

            return _view ??= FleetViewBuilder.Build(_now.Value, _organizations.Values.Select(s => s with { Forecast = _forecasts.GetValueOrDefault(s.Environment) }))
                with
                {
                    Passes = [.. _passes],
                };
        }
    }

    /// <summary>Queues the newest pass's requests (replacing any that wait) and starts the forecast when none runs. Under the lock.</summary>
    private void QueueForecasts(ImmutableArray<PlanRequest> requests)
    {
        foreach (var environment in requests.Select(EnvironmentOf).OfType<EnvironmentName>())
        {
            if (!_forecasts.ContainsKey(environment))
            {
                _forecasts = _forecasts.SetItem(environment, ReleaseForecast.Pending);
            }
        }

        _queued = requests;
        if (!_forecasting)
        {
            _forecasting = true;
            _forecastLoop = Task.Run(ForecastQueuedAsync);
        }
    }

    private async Task ForecastQueuedAsync()
    {
        while (true)
        {
            ImmutableArray<PlanRequest> requests;
            lock (_lock)
            {
                if (_queued is not { } queued)
                {
                    _forecasting = false;
                    return;
                }

                requests = queued;
                _queued = null;
            }

            foreach (var request in requests)
            {
                if (EnvironmentOf(request) is { } environment)
                {
                    await ForecastAsync(environment, request);
                }
            }
        }
    }

    private async Task ForecastAsync(EnvironmentName environment, PlanRequest request)
    {
        Func<PlanRequest, CancellationToken, ReleaseTimelineView?> forecast;
        TimeSpan timeout;
        lock (_lock)
        {
            (forecast, timeout) = (_forecast!, _forecastTimeout);
        }

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            Publish(environment, ReleaseForecast.Of(await Task.Run(() => forecast(request, limit.Token), CancellationToken.None)));
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            Publish(environment, ReleaseForecast.TookLongerThan(timeout));
        }
        catch (Exception e)
        {
            Publish(environment, ReleaseForecast.Failed(e));
        }
    }

    private void Publish(EnvironmentName environment, ReleaseForecast forecast)
    {
        lock (_lock)
        {
            _forecasts = _forecasts.SetItem(environment, forecast);
            _view = null;
        }
    }

    private static EnvironmentName? EnvironmentOf(PlanRequest request) => request.Organizations.FirstOrDefault()?.Policy.Environment;
}
