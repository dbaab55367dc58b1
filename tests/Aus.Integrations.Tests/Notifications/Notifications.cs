using Aus.Application.Notifications;
using Aus.Domain.Fleet;

namespace Aus.Integrations.Tests.Notifications;

/// <summary>One sample notification of each event, as a pass would make them.</summary>
internal static class Notifications
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Notification Of(NotificationEvent kind) => kind switch
    {
        NotificationEvent.UpgradeScheduled => Cluster(kind, "Cluster::2026-11-23T12:07:00Z") with { PolicyKind = UpgradePolicyKind.Cluster, NextRun = Now.AddMinutes(7) },
        NotificationEvent.UpgradeStarted => Cluster(kind, "policy-1") with { PolicyId = "policy-1", PolicyKind = UpgradePolicyKind.Cluster, NextRun = Now.AddMinutes(-30) },
        NotificationEvent.UpgradeFailed => Cluster(kind, "policy-1") with { PolicyId = "policy-1", PolicyKind = UpgradePolicyKind.Cluster, NextRun = Now.AddMinutes(-30) },
        NotificationEvent.UpgradeCompleted => Cluster(kind, string.Empty),
        NotificationEvent.ValidationErrors => Organization(kind, "3f2a") with
        {
            Errors = ["prod-1: upgradePolicy.schedule: '0 99 * * *' is not a valid cron expression", "sector 'db' depends on 'app', which is not a sector of this organization"],
        },
        NotificationEvent.VersionHalted => Organization(kind, "4.16.3") with { Version = "4.16.3", Key = Key(kind, string.Empty, "4.16.3", string.Empty) },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static Notification Cluster(NotificationEvent kind, string detail) => new()
    {
        Event = kind,
        Environment = new EnvironmentName("production"),
        OrganizationId = new OrganizationId("org-1"),
        OrganizationName = "my-org",
        Cluster = "prod-1",
        ClusterExternalId = "0b6d5c3e-8f7a-4c1e-9a2b-1f3e5d7c9b0a",
        Version = "4.16.3",
        ObservedAt = Now,
        Key = Key(kind, "prod-1", "4.16.3", detail),
    };

    private static Notification Organization(NotificationEvent kind, string detail) => new()
    {
        Event = kind,
        Environment = new EnvironmentName("production"),
        OrganizationId = new OrganizationId("org-1"),
        OrganizationName = "my-org",
        ObservedAt = Now,
        Key = Key(kind, string.Empty, string.Empty, detail),
    };

    private static NotificationKey Key(NotificationEvent kind, string cluster, string version, string detail) =>
        new(new EnvironmentName("production"), new OrganizationId("org-1"), cluster, kind.Name(), version, detail);
}
