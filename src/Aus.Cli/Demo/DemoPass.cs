using System.Collections.Immutable;
using Aus.Application.Rollout;
using Aus.Simulator;

namespace Aus.Cli.Demo;

/// <summary>What one reconcile pass of the demo decided and did, and what happened in OCM until the next one.</summary>
internal sealed record DemoPass
{
    public required int Number { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public ImmutableArray<DemoClusterState> Clusters { get; init; } = [];

    /// <summary>The actions applied in OCM, as "cluster: what" sentences, with failures spelled out.</summary>
    public ImmutableArray<string> Actions { get; init; } = [];

    /// <summary>Organization-level failures of the pass (OCM or store errors, invalid policies).</summary>
    public ImmutableArray<string> Failures { get; init; } = [];

    /// <summary>Soak days the release has gathered so far, per workload (own history, after this pass's check-in).</summary>
    public ImmutableSortedDictionary<string, double> ReleaseSoak { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>The add-ons of the clusters (organizations that manage add-on upgrades), with aus's decision for each.</summary>
    public ImmutableArray<DemoAddonState> Addons { get; init; } = [];

    /// <summary>Soak days each add-on's new version has gathered so far, per workload.</summary>
    public ImmutableArray<AddonSoak> AddonSoak { get; init; } = [];

    /// <summary>Upgrades that started, completed or failed in OCM after this pass, until the next.</summary>
    public ImmutableArray<SimEvent> Transitions { get; init; } = [];
}
