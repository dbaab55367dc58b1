namespace Aus.Domain.Planning;

/// <summary>Why a cluster got its decision; the wire names are in <see cref="ReasonNames"/>.</summary>
public enum Reason
{
    Scheduled,
    NodePoolUpgrade,
    UpgradeInProgress,
    OutsideWindow,
    MutexLocked,
    SectorParallelLimit,
    NoUpgradesAvailable,
    Blocked,
    Soaking,
    SectorDependency,
    InheritedVersionData,
    VersionGate,
    NotInOcm,
    InvalidPolicy,
    Paused,
    Frozen,
    AwaitingApproval,
    VersionHalted,
}
