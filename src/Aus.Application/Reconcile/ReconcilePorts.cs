using Aus.Application.Health;
using Aus.Application.Ports;

namespace Aus.Application.Reconcile;

/// <summary>The adapters a reconcile pass works through.</summary>
/// <param name="ServiceLogs">Where validation feedback goes; null sends none (the demo, tests).</param>
/// <param name="Controls">The rollout safety controls; null plans without any (history files, the demo).</param>
public sealed record ReconcilePorts(IFleetSource Fleet, IActionSink Actions, IPassStore Store, IServiceLogSink? ServiceLogs = null, IControlStore? Controls = null)
{
    /// <summary>The health providers of each environment; null checks no health (organizations' health checks are then skipped).</summary>
    public IHealthProviderSource? Health { get; init; }

    /// <summary>
    /// The same ports for a dry run: the fleet and the store are read as usual, and nothing is
    /// written anywhere: no action, no history, no audit, no service log, no failure or halt. The one place a dry run is decided.
    /// </summary>
    public ReconcilePorts AsDryRun() => this with
    {
        Actions = new DryRunActionSink(),
        Store = Store is DryRunPassStore ? Store : new DryRunPassStore(Store),
        ServiceLogs = ServiceLogs is null ? null : new DryRunServiceLogSink(),
        Controls = Controls is null or DryRunControlStore ? Controls : new DryRunControlStore(Controls),
    };
}
