namespace Aus.Domain.Planning;

/// <summary>The reason codes of the plan JSON: stable names that scripts may match on.</summary>
public static class ReasonNames
{
    public static string ToCode(this Reason reason) => reason switch
    {
        Reason.Scheduled => "scheduled",
        Reason.NodePoolUpgrade => "node-pool-upgrade",
        Reason.UpgradeInProgress => "upgrade-in-progress",
        Reason.OutsideWindow => "outside-window",
        Reason.MutexLocked => "mutex-locked",
        Reason.SectorParallelLimit => "sector-parallel-limit",
        Reason.NoUpgradesAvailable => "no-upgrades-available",
        Reason.Blocked => "blocked",
        Reason.Soaking => "soaking",
        Reason.SectorDependency => "sector-dependency",
        Reason.InheritedVersionData => "inherited-version-data",
        Reason.VersionGate => "version-gate",
        Reason.NotInOcm => "not-in-ocm",
        Reason.InvalidPolicy => "invalid-policy",
        Reason.Paused => "paused",
        Reason.Frozen => "frozen",
        Reason.AwaitingApproval => "awaiting-approval",
        Reason.VersionHalted => "version-halted",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string ToCode(this Decision decision) => decision == Decision.Upgrade ? "upgrade" : "skip";
}
