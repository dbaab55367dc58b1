namespace Aus.Application.Notifications;

/// <summary>What a notification announces. <see cref="NotificationEvents.Name"/> gives its wire name.</summary>
public enum NotificationEvent
{
    /// <summary>aus created an upgrade policy for a cluster.</summary>
    UpgradeScheduled,

    /// <summary>OCM reports an upgrade policy of the cluster as started.</summary>
    UpgradeStarted,

    /// <summary>The cluster runs a version aus announced an upgrade to.</summary>
    UpgradeCompleted,

    /// <summary>OCM reports an upgrade policy of the cluster as failed.</summary>
    UpgradeFailed,

    /// <summary>The organization's validation errors appeared or changed.</summary>
    ValidationErrors,

    /// <summary>A version was halted for the organization (produced once safety controls exist).</summary>
    VersionHalted,
}

public static class NotificationEvents
{
    /// <summary>The event's name: <c>upgrade-scheduled</c> and so on; the CloudEvents type is <c>aus.</c> + the name.</summary>
    public static string Name(this NotificationEvent kind) => kind switch
    {
        NotificationEvent.UpgradeScheduled => "upgrade-scheduled",
        NotificationEvent.UpgradeStarted => "upgrade-started",
        NotificationEvent.UpgradeCompleted => "upgrade-completed",
        NotificationEvent.UpgradeFailed => "upgrade-failed",
        NotificationEvent.ValidationErrors => "validation-errors",
        NotificationEvent.VersionHalted => "version-halted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
