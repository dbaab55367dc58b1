using Aus.Domain.Fleet;
using Aus.Domain.Scheduling;

namespace Aus.Domain.Planning;

/// <summary>
/// The planner's schedule window seen from outside a pass: for callers that step the planner's clock
/// (the forecast) and need to know, without planning, what a cluster's window opening or closing does.
/// </summary>
public static class WindowOutlook
{
    /// <summary>Whether a pass at <paramref name="now"/> counts the schedule in its window: its next slot after the policy delay is within the look-ahead.</summary>
    public static bool IsInWindow(CronSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.NextAfter(now + UpgradePass.PolicyDelay) is { } slot && slot - now <= UpgradePass.LookAhead;
    }

    /// <summary>
    /// Whether a pass only skips the cluster while it is outside its window, with
    /// <see cref="OutsideWindowDetail"/>: a classic cluster (not a hosted control plane) with no
    /// upgrade policy, that OCM offers no next y-stream channel (it would switch to it, an action).
    /// Pauses are not looked at: a caller rules them out first (a paused cluster is skipped as paused).
    /// </summary>
    public static bool OnlySkipsOutsideWindow(OcmCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return !cluster.IsHostedControlPlane
            && cluster.UpgradePolicies.IsEmpty
            && !(UpgradePass.NextYStreamChannel(cluster.Channel.Value) is { } next
                && next != cluster.Channel.Value
                && cluster.AvailableChannels.Contains(new ChannelName(next)));
    }

    /// <summary>The detail of the skip a pass at <paramref name="now"/> gives a cluster outside the schedule's window (see <see cref="OnlySkipsOutsideWindow"/>).</summary>
    public static string OutsideWindowDetail(CronSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return PlanningMessages.OutsideWindow(schedule.Expression, schedule.NextAfter(now + UpgradePass.PolicyDelay));
    }
}
