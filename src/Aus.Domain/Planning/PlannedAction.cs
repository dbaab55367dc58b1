using Aus.Domain.Fleet;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>Something aus does in OCM as a result of a plan.</summary>
public abstract record PlannedAction(string Cluster, ClusterId ClusterId);

/// <summary>Create a manual upgrade policy for a cluster, its control plane, one of its node pools or one of its add-ons.</summary>
public sealed record CreateUpgradePolicy(
    string Cluster,
    ClusterId ClusterId,
    UpgradePolicyKind Kind,
    OpenShiftVersion Version,
    DateTimeOffset NextRun,
    string? NodePool = null) : PlannedAction(Cluster, ClusterId)
{
    /// <summary>The add-on to upgrade, for <see cref="UpgradePolicyKind.Addon"/>.</summary>
    public string? Addon { get; init; }
}

/// <summary>
/// Delete an upgrade policy that exists in OCM: an add-on policy that is automatic or completed, or
/// a cluster, control-plane or node-pool policy that has not started when a pause cancels it.
/// </summary>
public sealed record DeleteUpgradePolicy(
    string Cluster,
    ClusterId ClusterId,
    UpgradePolicyKind Kind,
    string PolicyId) : PlannedAction(Cluster, ClusterId)
{
    /// <summary>The add-on whose policy it is, for <see cref="UpgradePolicyKind.Addon"/>.</summary>
    public string? Addon { get; init; }

    /// <summary>The node pool whose policy it is, for <see cref="UpgradePolicyKind.NodePool"/>.</summary>
    public string? NodePool { get; init; }

    /// <summary>The version the deleted policy would have upgraded to, for a cancelled cluster, control-plane or node-pool policy.</summary>
    public string? Version { get; init; }
}

/// <summary>Move a cluster to the next y-stream channel.</summary>
public sealed record SwitchChannel(string Cluster, ClusterId ClusterId, ChannelName From, ChannelName To) : PlannedAction(Cluster, ClusterId);

/// <summary>Agree to a version gate for a cluster.</summary>
public sealed record AgreeVersionGate(string Cluster, ClusterId ClusterId, string Gate, string Label, string VersionPrefix) : PlannedAction(Cluster, ClusterId);
