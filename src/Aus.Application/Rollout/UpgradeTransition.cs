namespace Aus.Application.Rollout;

/// <summary>What OCM did to one upgrade between two passes: it started, completed, or ended otherwise (failed, cancelled).</summary>
/// <param name="Cluster">The cluster's name.</param>
/// <param name="Version">The version the upgrade goes to.</param>
public sealed record UpgradeTransition(DateTimeOffset At, string Cluster, string Version, UpgradeTransitionState State)
{
    /// <summary>The node pool of a node-pool upgrade; null for the cluster's (or control plane's) own.</summary>
    public string? NodePool { get; init; }

    /// <summary>The add-on of an add-on upgrade; null for the cluster's own.</summary>
    public string? Addon { get; init; }
}

/// <summary>How an upgrade moved on.</summary>
public enum UpgradeTransitionState
{
    Started,
    Completed,

    /// <summary>It stopped without completing (failed, cancelled).</summary>
    Ended,
}
