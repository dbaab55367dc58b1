using Aus.Simulator.Model;

namespace Aus.Simulator;

/// <summary>
/// OCM's add-on rules: creating and deleting add-on upgrades, and running them on the clock (the
/// add-on is upgraded when its upgrade completes; the completed policy stays until deleted).
/// </summary>
internal sealed partial class SimWorld
{
    /// <summary>
    /// Creates an add-on upgrade. The add-ons service (v2) needs a next run at least
    /// <see cref="MinimumLeadTime"/> ahead; the cluster service (v1) takes none and starts at once.
    /// </summary>
    public SimOutcome<SimAddonPolicy> CreateAddonPolicy(SimCluster cluster, string? addonId, string? version, string? scheduleType, DateTimeOffset? nextRun, bool nextRunRequired)
    {
        if (string.IsNullOrWhiteSpace(addonId) || string.IsNullOrWhiteSpace(version))
        {
            return SimOutcome<SimAddonPolicy>.Refused(400, "Attributes 'addon_id' and 'version' are required");
        }

        if (scheduleType is not (null or "manual"))
        {
            return SimOutcome<SimAddonPolicy>.Refused(400, $"Schedule type '{scheduleType}' is not supported by the simulator (only 'manual')");
        }

        var installed = cluster.Addons.Find(a => a.Id == addonId);
        if (installed is null || installed.State != "ready")
        {
            return SimOutcome<SimAddonPolicy>.Refused(400, $"Add-on '{addonId}' is not installed and ready on cluster '{cluster.Id}'");
        }

        if (!AddonCatalog.TryGetValue(addonId, out var latest) || latest != version)
        {
            return SimOutcome<SimAddonPolicy>.Refused(400, $"Version '{version}' of add-on '{addonId}' is not available (latest: {latest ?? "none"})");
        }

        if (AddonPolicies.Exists(p => p.ClusterId == cluster.Id && p.AddonId == addonId))
        {
            return SimOutcome<SimAddonPolicy>.Refused(400, $"There is already an upgrade policy for add-on '{addonId}' of cluster '{cluster.Id}'");
        }

        if (nextRunRequired && nextRun is null)
        {
            return SimOutcome<SimAddonPolicy>.Refused(400, "Attribute 'next_run' is required for a manual upgrade plan");
        }

        if (nextRun is { } run && run < Now + MinimumLeadTime)
        {
            return SimOutcome<SimAddonPolicy>.Refused(400, $"Can't schedule an upgrade less than {MinimumLeadTime.TotalMinutes:0} minutes in the future: next_run {Format(run)} is before {Format(Now + MinimumLeadTime)}");
        }

        var policy = new SimAddonPolicy
        {
            Id = NextId("aup-"),
            Sequence = NextSequence(),
            ClusterId = cluster.Id,
            AddonId = addonId,
            Version = version,
            NextRun = nextRun ?? Now,
            State = "scheduled",
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        AddonPolicies.Add(policy);
        return SimOutcome<SimAddonPolicy>.Ok(policy, 201);
    }

    /// <summary>Deletes an add-on upgrade that has not started (or has finished).</summary>
    public SimOutcome<SimAddonPolicy> DeleteAddonPolicy(SimCluster cluster, string policyId)
    {
        var policy = AddonPolicies.Find(p => p.Id == policyId && p.ClusterId == cluster.Id);
        if (policy is null)
        {
            return SimOutcome<SimAddonPolicy>.Refused(404, $"Upgrade policy '{policyId}' not found");
        }

        if (policy.State == "started")
        {
            return SimOutcome<SimAddonPolicy>.Refused(400, $"Upgrade policy '{policyId}' has started and cannot be deleted");
        }

        AddonPolicies.Remove(policy);
        return SimOutcome<SimAddonPolicy>.Ok(policy, 204);
    }

    private (SimAddonPolicy? Policy, DateTimeOffset At) NextAddonEvent(DateTimeOffset target)
    {
        SimAddonPolicy? next = null;
        var nextAt = DateTimeOffset.MaxValue;
        foreach (var policy in AddonPolicies)
        {
            DateTimeOffset? at = policy.State switch
            {
                "pending" or "scheduled" => policy.NextRun,
                "started" => (policy.StartedAt ?? policy.NextRun) + UpgradeDuration,
                _ => null,
            };
            if (at is { } due && due <= target && (due < nextAt || (due == nextAt && policy.Sequence < next!.Sequence)))
            {
                next = policy;
                nextAt = due;
            }
        }

        return (next, nextAt);
    }

    private SimEvent StepAddon(SimAddonPolicy policy)
    {
        var cluster = FindCluster(policy.ClusterId)!;
        policy.UpdatedAt = Now;
        if (policy.State is "pending" or "scheduled")
        {
            policy.State = "started";
            policy.StartedAt = Now;
        }
        else
        {
            policy.State = "completed";
            if (cluster.Addons.Find(a => a.Id == policy.AddonId) is { } addon)
            {
                addon.Version = policy.Version;
            }
        }

        return new SimEvent(Now, cluster.Id, cluster.Name, policy.Id, "addon", null, policy.Version, policy.State) { AddonId = policy.AddonId };
    }
}
