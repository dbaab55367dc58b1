namespace Aus.Application.Forecast;

/// <summary>
/// Forecasts a release's rollout by running the real planner on a virtual clock against a model of
/// OCM that follows the planner's own actions. Pure: time, fleet and history all come in the request.
/// </summary>
/// <remarks>
/// A real service plans every organization at every pass. Between two passes an organization's
/// decisions can only change when one of these happens: an upgrade of it (or of an organization it
/// inherits from) completes, it acted in the pass before, the release comes out, a schedule window
/// of one of its clusters opens or closes, or a soak total it reads crosses one of its soakDays.
/// Soak grows in proportion to time, so checking in once over a long gap gives what many small
/// check-ins give. The forecast therefore plans an organization only at the passes where one of
/// those events falls, and jumps over the rest.
/// </remarks>
public static class ForecastEngine
{
    public static Forecast Run(ForecastRequest request) => new ForecastRun(request, Stepping.Jump).Run();

    /// <summary>The same, giving up between two passes once <paramref name="cancellationToken"/> is cancelled (a dashboard's time limit).</summary>
    public static Forecast Run(ForecastRequest request, CancellationToken cancellationToken) =>
        new ForecastRun(request, Stepping.Jump) { CancellationToken = cancellationToken }.Run();

    /// <summary>The same forecast, planning every organization at every pass: the slow reference the event jumps are checked against.</summary>
    internal static Forecast RunEveryPass(ForecastRequest request) => new ForecastRun(request, Stepping.EveryPass).Run();

    /// <summary>
    /// The same forecast, planning every organization at each pass where any of them has an event, and
    /// every window flip: the reference the choice of organizations to plan at an event is checked against.
    /// </summary>
    internal static Forecast RunEveryOrganizationAtEachEvent(ForecastRequest request) => new ForecastRun(request, Stepping.EveryOrganizationAtEachEvent).Run();
}

/// <summary>Which organizations a forecast plans at which passes.</summary>
internal enum Stepping
{
    /// <summary>Each organization at the passes where an event of its own falls, jumping over the rest.</summary>
    Jump,

    /// <summary>Every organization at each pass where any has an event, and at every window flip of a waiting cluster.</summary>
    EveryOrganizationAtEachEvent,

    /// <summary>Every organization at every pass, as a real service does.</summary>
    EveryPass,
}
