using Aus.Domain.Fleet;

namespace Aus.Application.Notifications;

/// <summary>
/// The delivery records of notifications, shared by every replica: a notification is sent by the
/// one caller whose claim succeeds. Claim-then-send means at most once: a process that dies between
/// its claim and the sink's answer leaves a claim that is never delivered (it stays visible as
/// undelivered), rather than a notification sent twice.
/// </summary>
public interface INotificationLedger
{
    /// <summary>Records that <paramref name="sink"/> is about to deliver the key; false when it was claimed before, by anyone.</summary>
    Task<bool> TryClaimAsync(string sink, NotificationKey key, DateTimeOffset claimedAt, CancellationToken cancellationToken);

    /// <summary>Records that the sink accepted the claimed notification.</summary>
    Task MarkDeliveredAsync(string sink, NotificationKey key, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose delivery failed for good, so that a later pass may try again.</summary>
    Task ReleaseAsync(string sink, NotificationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the sink was told of an upgrade of the cluster to the version (any event but
    /// upgrade-completed): the condition for announcing its completion.
    /// </summary>
    Task<bool> HasAnnouncedUpgradeAsync(string sink, EnvironmentName environment, OrganizationId organizationId, string cluster, string version, CancellationToken cancellationToken);
}
