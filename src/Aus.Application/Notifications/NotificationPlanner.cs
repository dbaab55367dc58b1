using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aus.Domain.Fleet;

namespace Aus.Application.Notifications;

/// <summary>
/// Decides which notifications a pass produces, without I/O. Every pass produces them again for as
/// long as OCM shows the state; the delivery ledger makes each one go out once:
/// <list type="bullet">
/// <item>upgrade-scheduled: each upgrade policy the pass created;</item>
/// <item>upgrade-started and upgrade-failed: each policy of a planned cluster that OCM reports in that state;</item>
/// <item>upgrade-completed: each planned cluster's current version (delivered only if an upgrade to it was announced);</item>
/// <item>validation-errors: the organization's errors, once per distinct set;</item>
/// <item>version-halted: each version the pass halted, keyed by the pass's time (a halt is new in one pass only).</item>
/// </list>
/// </summary>
public static class NotificationPlanner
{
    public static IReadOnlyList<Notification> NotificationsOf(NotificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var notifications = new List<Notification>();
        var planned = input.Plan.Clusters.Where(c => c.ClusterId is not null).Select(c => c.ClusterId!.Value).ToHashSet();
        var clusters = input.Fleet.Clusters.Where(c => planned.Contains(c.Id)).ToList();

        foreach (var created in input.CreatedPolicies)
        {
            var cluster = input.Fleet.Clusters.FirstOrDefault(c => c.Id == created.ClusterId);
            notifications.Add(New(input, NotificationEvent.UpgradeScheduled, created.Cluster, created.Version.ToString(), ScheduledDetail(created)) with
            {
                ClusterExternalId = cluster?.ExternalId,
                PolicyKind = created.Kind,
                NodePool = created.NodePool,
                NextRun = created.NextRun,
            });
        }

        foreach (var cluster in clusters)
        {
            foreach (var policy in cluster.UpgradePolicies)
            {
                var kind = policy.State switch
                {
                    UpgradePolicyState.Started => NotificationEvent.UpgradeStarted,
                    UpgradePolicyState.Failed => NotificationEvent.UpgradeFailed,
                    _ => (NotificationEvent?)null,
                };
                if (kind is { } policyEvent)
                {
                    notifications.Add(New(input, policyEvent, cluster.Name, policy.Version, policy.Id) with
                    {
                        ClusterExternalId = cluster.ExternalId,
                        PolicyId = policy.Id,
                        PolicyKind = policy.Kind,
                        NodePool = policy.NodePoolId,
                        NextRun = policy.NextRun,
                    });
                }
            }
        }

        foreach (var cluster in clusters)
        {
            notifications.Add(New(input, NotificationEvent.UpgradeCompleted, cluster.Name, cluster.Version.ToString(), string.Empty) with
            {
                ClusterExternalId = cluster.ExternalId,
            });
        }

        if (!input.Plan.Errors.IsEmpty)
        {
            var errors = input.Plan.Errors.Select(e => e.Cluster is null ? e.Message : $"{e.Cluster}: {e.Message}").ToList();
            notifications.Add(New(input, NotificationEvent.ValidationErrors, null, null, Digest(errors)) with { Errors = [.. errors] });
        }

        foreach (var version in input.HaltedVersions)
        {
            notifications.Add(New(input, NotificationEvent.VersionHalted, null, version, Stamp(input.Now)));
        }

        return notifications;
    }

    private static Notification New(NotificationInput input, NotificationEvent kind, string? cluster, string? version, string detail) => new()
    {
        Event = kind,
        Environment = input.Environment,
        OrganizationId = input.Plan.OrgId,
        OrganizationName = input.Plan.Name,
        Cluster = cluster,
        Version = version,
        ObservedAt = input.Now,
        Key = new NotificationKey(input.Environment, input.Plan.OrgId, cluster ?? string.Empty, kind.Name(), version ?? string.Empty, detail),
    };

    // A created policy has no id yet when the pass makes the notification; what it upgrades and when tells it apart.
    private static string ScheduledDetail(Domain.Planning.CreateUpgradePolicy created) =>
        string.Create(CultureInfo.InvariantCulture, $"{created.Kind}:{created.NodePool}:{Stamp(created.NextRun)}");

    /// <summary>A time in a key: UTC, to the second.</summary>
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The same errors in any order give the same digest, so only a changed set is new.</summary>
    private static string Digest(IEnumerable<string> errors)
    {
        var text = string.Join('\n', errors.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
