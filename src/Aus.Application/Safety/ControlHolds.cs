using System.Collections.Immutable;
using Aus.Domain.Planning;

namespace Aus.Application.Safety;

/// <summary>
/// The clusters a rollout safety control holds back: those the planner decided with a control's
/// reason (paused, frozen, awaiting approval, version halted). Add-on decisions are not counted.
/// </summary>
public static class ControlHolds
{
    /// <summary>The planner's reasons that mean a control holds the cluster, in this order.</summary>
    public static readonly ImmutableArray<Reason> Reasons = [Reason.Paused, Reason.Frozen, Reason.AwaitingApproval, Reason.VersionHalted];

    /// <summary>The organization's clusters a control holds, in planning order; none without controls.</summary>
    public static ImmutableArray<ClusterDecision> Of(OrganizationPlan organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return [.. organization.Clusters.Where(c => c.Addon is null && Reasons.Contains(c.Reason))];
    }

    /// <summary>How many of the organization's clusters the control of <paramref name="reason"/> holds; none for a reason that is not a control's.</summary>
    public static int Count(OrganizationPlan organization, Reason reason)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return Reasons.Contains(reason) ? organization.Clusters.Count(c => c.Addon is null && c.Reason == reason) : 0;
    }
}
