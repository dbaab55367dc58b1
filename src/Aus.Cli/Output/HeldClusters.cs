using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>
/// The clusters of an organization that a rollout safety control holds back (paused, frozen,
/// awaiting approval, version halted), for the fleet report. None without controls, so a report of
/// an organization without controls is unchanged.
/// </summary>
internal static class HeldClusters
{
    public static List<ClusterDecision> Of(OrganizationPlan organization) =>
        [.. organization.Clusters.Where(c => c.Addon is null && IsControlReason(c.Reason))];

    private static bool IsControlReason(Reason reason) =>
        reason is Reason.Paused or Reason.Frozen or Reason.AwaitingApproval or Reason.VersionHalted;
}
