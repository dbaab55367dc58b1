using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Reconcile;

/// <summary>The names of planned actions in the audit log and the metrics.</summary>
public static class ActionNames
{
    public static string Of(PlannedAction action) => action switch
    {
        CreateUpgradePolicy { Kind: UpgradePolicyKind.NodePool } => "create-node-pool-upgrade-policy",
        CreateUpgradePolicy { Kind: UpgradePolicyKind.ControlPlane } => "create-control-plane-upgrade-policy",
        CreateUpgradePolicy { Kind: UpgradePolicyKind.Addon } => "create-addon-upgrade-policy",
        CreateUpgradePolicy => "create-upgrade-policy",
        DeleteUpgradePolicy { Kind: UpgradePolicyKind.Addon } => "delete-addon-upgrade-policy",
        DeleteUpgradePolicy => "delete-upgrade-policy",
        SwitchChannel => "switch-channel",
        AgreeVersionGate => "agree-version-gate",
        _ => action?.GetType().Name ?? string.Empty,
    };

    /// <summary>
    /// The version the action targets (a version, a channel, a gate's version prefix), if any; an
    /// add-on's as <c>addon-id/version</c>, the form its blocked versions take.
    /// </summary>
    public static string? TargetOf(PlannedAction action) => action switch
    {
        CreateUpgradePolicy { Addon: { } addon } create => $"{addon}/{create.Version}",
        DeleteUpgradePolicy { Addon: { } addon } => addon,
        DeleteUpgradePolicy { Version: { } version } => version,
        CreateUpgradePolicy create => create.Version.ToString(),
        SwitchChannel channel => channel.To.Value,
        AgreeVersionGate gate => gate.VersionPrefix,
        _ => null,
    };
}
