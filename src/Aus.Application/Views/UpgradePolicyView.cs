using Aus.Domain.Fleet;

namespace Aus.Application.Views;

/// <summary>
/// An upgrade policy of a cluster, one of its node pools or one of its add-ons: one that OCM has,
/// in OCM's state, or one the last pass planned (not in OCM when the fleet was read).
/// </summary>
public sealed record UpgradePolicyView(string Cluster, UpgradePolicyKind Kind, string Version)
{
    /// <summary>The node pool, for a node-pool policy.</summary>
    public string? NodePool { get; init; }

    /// <summary>The add-on, for an add-on policy.</summary>
    public string? Addon { get; init; }

    /// <summary>OCM's state of the policy; <c>scheduled</c> for one the last pass planned.</summary>
    public required UpgradePolicyState State { get; init; }

    /// <summary>True for a policy the last pass planned; OCM had not got it when the fleet was read.</summary>
    public bool PlannedByLastPass { get; init; }

    public DateTimeOffset? NextRun { get; init; }

    /// <summary>Hours since the next run, once it has passed: how long ago the upgrade started (null before).</summary>
    public double? StartedHoursAgo { get; init; }

    /// <summary>Started 6 hours or more ago and neither completed nor failed.</summary>
    public bool Long { get; init; }
}
