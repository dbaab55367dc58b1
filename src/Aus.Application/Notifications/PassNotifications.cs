using Aus.Application.Reconcile;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Notifications;

/// <summary>
/// The notifications of a reconcile pass: those of every organization this replica processed and
/// planned (<see cref="NotificationPlanner"/>), from what the pass saw and did. Organizations left
/// to another replica produce nothing here; that replica announces them.
/// </summary>
public static class PassNotifications
{
    public static IReadOnlyList<Notification> Of(PassReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notifications = new List<Notification>();
        foreach (var outcome in report.Organizations.Where(o => o.Processed))
        {
            if (outcome.Plan is not { } plan)
            {
                continue;
            }

            var fleet = outcome.Fleet ?? new FleetOrganization(outcome.OrgId, []);
            var input = new NotificationInput(outcome.Environment, plan, fleet, CreatedClusterPolicies(outcome), report.Now)
            {
                HaltedVersions = outcome.HaltedVersions,
            };
            notifications.AddRange(NotificationPlanner.NotificationsOf(input));
        }

        return notifications;
    }

    /// <summary>
    /// The cluster upgrade policies the pass created (already present counts: its own try whose
    /// answer was lost made it); add-on upgrades are not announced.
    /// </summary>
    private static List<CreateUpgradePolicy> CreatedClusterPolicies(OrganizationOutcome outcome) =>
    [
        .. outcome.Results
            .Where(r => r.Outcome is Ports.ActionOutcome.Applied or Ports.ActionOutcome.AlreadyPresent)
            .Select(r => r.Action)
            .OfType<CreateUpgradePolicy>()
            .Where(c => c.Kind != UpgradePolicyKind.Addon),
    ];
}
