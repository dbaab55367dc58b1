using Aus.Domain.Planning;
using Aus.Ocm.Wire;

namespace Aus.Ocm.Actions;

/// <summary>Add-on policies: created and deleted in the add-on service the environment uses.</summary>
internal sealed partial class OcmActionApplier
{
    private Task<OcmActionResult> CreateAddonPolicyAsync(CreateUpgradePolicy action, CancellationToken cancellationToken)
    {
        if (addonService is not { } service || action.Addon is not { } addon)
        {
            return Task.FromResult(new OcmActionResult(action, OcmActionOutcome.Refused) { Message = RefusalFor(action.Addon) });
        }

        var clusterId = action.ClusterId.Value;

        // The cluster service (v1) takes no next run and starts the upgrade itself; the add-ons service (v2) is sent it.
        var body = service == AddonServiceVersion.V2
            ? new WireNewAddonUpgradePolicy { Version = action.Version.ToString(), Type = "manual", AddonId = addon, ClusterId = clusterId, NextRun = FormatNextRun(action.NextRun) }
            : new WireNewAddonUpgradePolicy { Version = action.Version.ToString(), ScheduleType = "manual", AddonId = addon, ClusterId = clusterId, UpgradeType = "ADDON" };
        return WriteVerifiedAsync(
            action,
            async ct =>
            {
                var response = await api.CreateAddonPolicyAsync(service, clusterId, body, ct).ConfigureAwait(false);
                return (response.OperationId, response.Body?.Id);
            },
            async ct =>
            {
                var existing = await api.ListAddonPoliciesAsync(service, clusterId, ct).ConfigureAwait(false);
                var found = existing.FirstOrDefault(p => string.Equals(p.AddonId, addon, StringComparison.Ordinal));
                return found is null ? null : found.Id ?? string.Empty;
            },
            cancellationToken);
    }

    private Task<OcmActionResult> DeleteAddonPolicyAsync(DeleteUpgradePolicy action, CancellationToken cancellationToken)
    {
        if (addonService is not { } service)
        {
            return Task.FromResult(new OcmActionResult(action, OcmActionOutcome.Refused) { Message = RefusalFor(action.Addon) });
        }

        var clusterId = action.ClusterId.Value;
        return WriteVerifiedAsync(
            action,
            async ct =>
            {
                var response = await api.DeleteAddonPolicyAsync(service, clusterId, action.PolicyId, ct).ConfigureAwait(false);
                return (response.OperationId, (string?)null);
            },
            async ct =>
            {
                // Done when OCM no longer has the policy.
                var existing = await api.ListAddonPoliciesAsync(service, clusterId, ct).ConfigureAwait(false);
                return existing.Exists(p => string.Equals(p.Id, action.PolicyId, StringComparison.Ordinal)) ? null : action.PolicyId;
            },
            cancellationToken);
    }

    private string RefusalFor(string? addon) => addonService is null
        ? "the add-on service version of this OCM environment is neither v1 nor v2"
        : $"an add-on upgrade policy needs an add-on id (got '{addon}')";
}
