using System.Globalization;
using System.Text;
using Aus.Application.Notifications;

namespace Aus.Integrations.Notifications;

/// <summary>
/// The text of each notification in Slack. Cluster events mention the cluster's owners, the user
/// group whose handle is <c>CLUSTER-cluster</c>, as <c>&lt;!subteam^ID&gt;</c>; the started and
/// completed messages are worded as the reference's upgrade watcher words them.
/// </summary>
public static class SlackMessages
{
    /// <summary>The handle of the cluster owners' user group.</summary>
    public static string OwnersHandle(string cluster) => cluster + "-cluster";

    /// <param name="notification">The notification.</param>
    /// <param name="groupId">The owners' user-group id when it is known; otherwise <c>@HANDLE</c> is used.</param>
    public static string Text(Notification notification, string? groupId)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var cluster = notification.Cluster ?? string.Empty;
        var mention = $"<!subteam^{groupId ?? "@" + OwnersHandle(cluster)}>";
        var version = notification.Version;
        var what = notification.NodePool is { } pool ? $"node pool `{pool}` of cluster `{cluster}`" : $"cluster `{cluster}`";
        return notification.Event switch
        {
            NotificationEvent.UpgradeStarted => $"Heads up {mention}! {what} is currently being upgraded to version `{version}`",
            NotificationEvent.UpgradeCompleted => $"{mention}: cluster `{cluster}` is now running version `{version}`",
            NotificationEvent.UpgradeScheduled => $"{mention}: {what} is scheduled to be upgraded to version `{version}`{At(notification.NextRun)}",
            NotificationEvent.UpgradeFailed => $"{mention}: the upgrade of {what} to version `{version}` failed",
            NotificationEvent.ValidationErrors => ValidationErrors(notification),
            NotificationEvent.VersionHalted => $"Version `{version}` is halted for organization `{notification.OrganizationName}` (`{notification.OrganizationId}`)",
            _ => throw new ArgumentOutOfRangeException(nameof(notification), notification.Event, null),
        };
    }

    private static string At(DateTimeOffset? time) =>
        time is { } t ? " at " + t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : string.Empty;

    private static string ValidationErrors(Notification notification)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Organization `{notification.OrganizationName}` (`{notification.OrganizationId}`) in `{notification.Environment}` has ");
        text.Append(notification.Errors.Length == 1 ? "a validation error" : string.Create(CultureInfo.InvariantCulture, $"{notification.Errors.Length} validation errors"));
        text.Append("; aus takes no action for it until they are fixed:");
        foreach (var error in notification.Errors)
        {
            text.Append("\n• ").Append(error);
        }

        return text.ToString();
    }
}
