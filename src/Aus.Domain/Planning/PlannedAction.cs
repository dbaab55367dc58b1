using Aus.Domain.Fleet;

namespace Aus.Domain.Planning;

/// <summary>Something aus does in OCM as a result of a plan.</summary>
public abstract record PlannedAction(string Cluster, ClusterId ClusterId);

/// <summary>Create a manual upgrade policy for a cluster, its control plane or one of its node pools.</summary>
public sealed record CreateUpgradePolicy(
    string Cluster,
    ClusterId ClusterId,
    UpgradePolicyKind Kind,
    string Version,
    DateTimeOffset NextRun,
    string? NodePool = null) : PlannedAction(Cluster, ClusterId);

/// <summary>Move a cluster to the next y-stream channel.</summary>
public sealed record SwitchChannel(string Cluster, ClusterId ClusterId, string From, string To) : PlannedAction(Cluster, ClusterId);

/// <summary>Agree to a version gate for a cluster.</summary>
public sealed record AgreeVersionGate(string Cluster, ClusterId ClusterId, string Gate, string Label, string VersionPrefix) : PlannedAction(Cluster, ClusterId);
