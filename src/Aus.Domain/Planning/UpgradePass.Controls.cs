using System.Collections.Immutable;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>
/// The safety controls: pauses, freezes, approvals and halted versions. Each only adds a way to
/// hold a cluster back, and records an explain step only where a control is configured, so that an
/// organization without controls is planned exactly as before.
/// </summary>
internal sealed partial class UpgradePass
{
    private readonly Dictionary<string, Condition> _holdConditions;
    private readonly Dictionary<(SectorName Sector, string Version), Condition> _approvalConditions;

    /// <summary>The pause in force that covers the cluster (organization, sector or cluster), or null.</summary>
    private RolloutPause? ClusterPause(UpgradeSpec spec)
    {
        if (_controls.Pauses.IsEmpty)
        {
            return null;
        }

        var pause = _controls.ClusterPauseAt(_now, spec.Name, spec.Policy.Sector?.Value);
        if (pause is null)
        {
            Record(static name => PlanningMessages.NotPaused(name), spec.Name);
        }
        else
        {
            Record(static pause => PlanningMessages.Paused(pause), pause);
        }

        return pause;
    }

    /// <summary>
    /// Deletes the cluster's upgrade policies that have not started (OCM state pending or scheduled)
    /// and that a pause with cancel-scheduled covers, by the cluster or by the policy's version.
    /// Returns the cluster's decision when any is deleted, or null. The policies are still in OCM
    /// during this pass, so the cluster keeps its locks until the next one.
    /// </summary>
    private ClusterDecision? CancelScheduledPolicies(UpgradeSpec spec)
    {
        // Cheapest checks first: this runs for every cluster of every organization.
        if (spec.Cluster.UpgradePolicies.IsEmpty || _controls.Pauses.IsEmpty || !_controls.CancelsScheduled)
        {
            return null;
        }

        string? cancelled = null;
        ExistingUpgradePolicy? firstKept = null;
        var kept = 0;
        foreach (var policy in spec.Cluster.UpgradePolicies)
        {
            var pause = HasNotStarted(policy) ? _controls.CancellingPauseAt(_now, spec.Name, spec.Policy.Sector?.Value, policy.Version) : null;
            if (pause is null)
            {
                firstKept ??= policy;
                kept++;
                continue;
            }

            _actions.Add(new DeleteUpgradePolicy(spec.Name, spec.ClusterId, policy.Kind, policy.Id) { NodePool = policy.NodePoolId, Version = policy.Version });
            var sentence = PlanningMessages.ScheduledPolicyCancelled(policy, pause);
            Record(sentence);
            cancelled = cancelled is null ? sentence : $"{cancelled}; {sentence}";
        }

        if (cancelled is null)
        {
            return null;
        }

        // A policy that has started (or whose state OCM did not tell) runs on: the cluster is still upgrading.
        return firstKept is null
            ? Skip(spec, Reason.Paused, cancelled)
            : Skip(spec, Reason.UpgradeInProgress, $"{PlanningMessages.PolicyExists(firstKept, kept)}; {cancelled}");
    }

    private static bool HasNotStarted(ExistingUpgradePolicy policy) =>
        policy.State is UpgradePolicyState.Pending or UpgradePolicyState.Scheduled;

    /// <summary>The skip decision when a policy running at <paramref name="run"/> would start inside a freeze, or null.</summary>
    private ClusterDecision? Frozen(UpgradeSpec spec, DateTimeOffset run)
    {
        if (_organization.Freezes.IsEmpty)
        {
            return null;
        }

        foreach (var freeze in _organization.Freezes)
        {
            if (freeze.OccurrenceAt(run) is { } occurrence)
            {
                var detail = PlanningMessages.Frozen(freeze, run, occurrence);
                Record(detail);
                return Skip(spec, Reason.Frozen, detail);
            }
        }

        Record(static run => PlanningMessages.NotFrozen(run), run);
        return null;
    }

    /// <summary>Halted and paused versions come first among a candidate's conditions: nothing else matters for them.</summary>
    private void AddVersionHoldCondition(ImmutableArray<Condition>.Builder conditions, OpenShiftVersion version)
    {
        if (!_controls.HoldsVersions)
        {
            return;
        }

        var text = version.ToString();
        if (!_holdConditions.TryGetValue(text, out var condition))
        {
            if (_controls.IsHalted(text))
            {
                condition = Condition.Lazy(Reason.VersionHalted, false, version, static v => PlanningMessages.VersionHalted(v));
            }
            else if (_controls.VersionPauseAt(_now, text) is { } pause)
            {
                condition = Condition.Lazy(Reason.Paused, false, (version, pause), static f => PlanningMessages.VersionPaused(f.version, f.pause));
            }
            else
            {
                condition = Condition.Lazy(Reason.VersionHalted, true, version, static v => PlanningMessages.VersionNotHeld(v));
            }

            _holdConditions[text] = condition;
        }

        conditions.Add(condition);
    }

    /// <summary>
    /// Approval comes last: a sector waits for it only once the version meets every other condition.
    /// Approvals name cluster versions, so add-on passes are not held by them.
    /// </summary>
    private void AddApprovalCondition(ImmutableArray<Condition>.Builder conditions, SectorName? sectorName, OpenShiftVersion version)
    {
        if (_addonId is not null || sectorName is not { } name || !_sectors.TryGetValue(name, out var sector) || !sector.RequireApproval)
        {
            return;
        }

        var key = (name, version.ToString());
        if (!_approvalConditions.TryGetValue(key, out var condition))
        {
            condition = _controls.IsApproved(name.Value, version.ToString())
                ? Condition.Lazy(Reason.AwaitingApproval, true, (name, version), static f => PlanningMessages.Approved(f.name, f.version))
                : Condition.Lazy(Reason.AwaitingApproval, false, (name, version), static f => PlanningMessages.AwaitingApproval(f.name, f.version));
            _approvalConditions[key] = condition;
        }

        conditions.Add(condition);
    }
}
