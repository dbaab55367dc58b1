using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Ocm.Actions;

/// <summary>Cluster, control-plane and node-pool upgrade policies deleted because a pause cancels them before they start.</summary>
internal sealed partial class OcmActionApplier
{
    private Task<OcmActionResult> DeletePolicyAsync(DeleteUpgradePolicy action, CancellationToken cancellationToken)
    {
        if (action.Kind == UpgradePolicyKind.NodePool && string.IsNullOrEmpty(action.NodePool))
        {
            return Task.FromResult(new OcmActionResult(action, OcmActionOutcome.Refused) { Message = "deleting a node-pool upgrade policy needs its node pool id" });
        }

        var clusterId = action.ClusterId.Value;
        return WriteVerifiedAsync(
            action,
            async ct =>
            {
                var response = action.Kind switch
                {
                    UpgradePolicyKind.ControlPlane => await api.DeleteControlPlaneUpgradePolicyAsync(clusterId, action.PolicyId, ct).ConfigureAwait(false),
                    UpgradePolicyKind.NodePool => await api.DeleteNodePoolUpgradePolicyAsync(clusterId, action.NodePool!, action.PolicyId, ct).ConfigureAwait(false),
                    _ => await api.DeleteUpgradePolicyAsync(clusterId, action.PolicyId, ct).ConfigureAwait(false),
                };
                return (response.OperationId, (string?)null);
            },
            async ct =>
            {
                // Done when OCM no longer has the policy.
                var existing = action.Kind switch
                {
                    UpgradePolicyKind.ControlPlane => await api.ListControlPlaneUpgradePoliciesAsync(clusterId, ct).ConfigureAwait(false),
                    UpgradePolicyKind.NodePool => await api.ListNodePoolUpgradePoliciesAsync(clusterId, action.NodePool!, ct).ConfigureAwait(false),
                    _ => await api.ListUpgradePoliciesAsync(clusterId, ct).ConfigureAwait(false),
                };
                return existing.Exists(p => string.Equals(p.Id, action.PolicyId, StringComparison.Ordinal)) ? null : action.PolicyId;
            },
            cancellationToken);
    }
}
