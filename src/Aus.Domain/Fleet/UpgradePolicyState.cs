namespace Aus.Domain.Fleet;

/// <summary>The state OCM reports for an upgrade policy.</summary>
public enum UpgradePolicyState
{
    Unknown,
    Pending,
    Scheduled,
    Started,
    Delayed,
    Failed,
    Cancelled,
    Completed,
}
