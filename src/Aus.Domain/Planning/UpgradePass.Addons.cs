using Aus.Domain.Fleet;

namespace Aus.Domain.Planning;

/// <summary>
/// The add-on pass: the cluster pipeline over one add-on's
/// specs, with a 1-minute delay and a 10-minute window, no gates, no channel switches, and finished
/// add-on policies deleted first.
/// </summary>
internal sealed partial class UpgradePass
{
    /// <summary>
    /// Every automatic or completed policy of the add-on is deleted before anything is created. The
    /// policy is still in OCM's state for this pass, so its cluster stays locked until the next one.
    /// </summary>
    private void DeleteFinishedAddonPolicies(IReadOnlyList<UpgradeSpec> ordered)
    {
        foreach (var spec in ordered)
        {
            foreach (var policy in spec.Cluster.UpgradePolicies)
            {
                if (string.Equals(policy.ScheduleType, ExistingUpgradePolicy.AutomaticSchedule, StringComparison.Ordinal)
                    || policy.State == UpgradePolicyState.Completed)
                {
                    _actions.Add(new DeleteUpgradePolicy(spec.Name, spec.ClusterId, UpgradePolicyKind.Addon, policy.Id) { Addon = _addonId });
                }
            }
        }
    }

    private ClusterDecision DecideAddon(UpgradeSpec spec)
    {
        var addon = _addonId!;
        if (!spec.Cluster.UpgradePolicies.IsEmpty)
        {
            var policies = spec.Cluster.UpgradePolicies;
            return Skip(spec, Reason.UpgradeInProgress, PlanningMessages.AddonPolicyExists(addon, policies[0], policies.Length));
        }

        var slot = spec.Policy.Schedule.NextAfter(_now + AddonDelay);
        if (slot is null || slot.Value - _now > AddonLookAhead)
        {
            var outside = PlanningMessages.AddonOutsideWindow(spec.Policy.Schedule.Expression, slot);
            Record(outside);
            return Skip(spec, Reason.OutsideWindow, outside);
        }

        Record(static slot => PlanningMessages.AddonInWindow(slot), slot.Value);
        if (CheckCapacity(spec) is { } blocked)
        {
            return blocked;
        }

        var candidates = EvaluateCandidates(spec, forExplanation: _recorder is not null);
        _recorder?.SetCandidates([.. candidates]);
        var chosen = FirstUpgradeableCandidate(candidates);
        if (chosen is null)
        {
            var (reason, detail) = ExplainNoVersion(spec, candidates);
            return Skip(spec, reason, detail);
        }

        // The schedule slot only says the add-on is in its window; the upgrade starts as soon as
        // OCM allows, which is what the add-ons service is sent.
        var nextRun = _now + PolicyDelay;
        var version = chosen.Version.ToString();
        _actions.Add(new CreateUpgradePolicy(spec.Name, spec.ClusterId, UpgradePolicyKind.Addon, chosen.Version, nextRun) { Addon = addon });
        MarkUpgrading(spec, version);
        return new ClusterDecision
        {
            Name = spec.Name,
            ClusterId = spec.ClusterId,
            Version = spec.CurrentVersion.ToString(),
            Decision = Decision.Upgrade,
            Reason = Reason.Scheduled,
            TargetVersion = version,
            NextRun = nextRun,
            Detail = PlanningMessages.AddonScheduled(addon, chosen.Version, nextRun),
        };
    }
}
