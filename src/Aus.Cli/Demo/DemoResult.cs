using System.Collections.Immutable;
using Aus.Application.Forecast;
using Aus.Simulator;

namespace Aus.Cli.Demo;

/// <summary>The outcome of a demo run: the rollout per cluster, every OCM transition, and the final OCM state.</summary>
internal sealed record DemoResult
{
    public required string Release { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required int Passes { get; init; }

    /// <summary>Every cluster the release is offered to runs it, and every followed add-on its new version.</summary>
    public required bool Converged { get; init; }

    /// <summary>The forecast made when the release was published, to set beside what happened.</summary>
    public Forecast? Forecast { get; init; }

    public ImmutableArray<DemoClusterSummary> Clusters { get; init; } = [];

    /// <summary>The ready add-ons the catalog has a new version for, and when each reached it (empty without add-ons).</summary>
    public ImmutableArray<DemoAddonSummary> Addons { get; init; } = [];

    public ImmutableArray<SimEvent> Transitions { get; init; } = [];

    /// <summary>The simulator's state at the end, as GET /_sim/fleet returns it.</summary>
    public string FinalFleetJson { get; init; } = "{}";

    /// <summary>Notifications the --notify-url webhook accepted, and those it did not (failed or never sent).</summary>
    public (int Delivered, int NotDelivered) Notifications { get; init; }

    /// <summary>When the last cluster got the release, measured from the start; null unless converged.</summary>
    public TimeSpan? RolloutTime =>
        Converged && Clusters.Any(c => c.ReleaseAt is not null)
            ? Clusters.Where(c => c.ReleaseAt is not null).Max(c => c.ReleaseAt!.Value) - Start
            : null;
}
