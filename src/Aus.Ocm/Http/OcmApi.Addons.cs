using Aus.Ocm.Wire;

namespace Aus.Ocm.Http;

/// <summary>The add-on calls, for the add-ons service (v2) or the cluster service (v1).</summary>
internal sealed partial class OcmApi
{
    private const string AddonsMgmt = "/api/addons_mgmt/v1";

    /// <summary>The add-on catalog: each add-on with its latest version.</summary>
    public Task<List<WireAddon>> ListAddonsAsync(AddonServiceVersion service, CancellationToken cancellationToken) => service == AddonServiceVersion.V2
        ? http.ListAsync(OcmEndpoints.Addons, $"{AddonsMgmt}/addons", [], OcmJsonContext.Default.WirePageWireAddon, cancellationToken)
        : http.ListAsync(OcmEndpoints.ClustersMgmtAddons, $"{ClustersMgmt}/addons", [], OcmJsonContext.Default.WirePageWireAddon, cancellationToken);

    /// <summary>The add-ons installed on a cluster in state ready.</summary>
    public Task<List<WireAddonInstallation>> ListReadyAddonsAsync(AddonServiceVersion service, string clusterId, CancellationToken cancellationToken)
    {
        KeyValuePair<string, string>[] query = [new("search", OcmSearch.Empty.Equal("state", "ready").ToString())];
        return service == AddonServiceVersion.V2
            ? http.ListAsync(OcmEndpoints.ClusterAddons, $"{AddonsMgmt}/clusters/{Escape(clusterId)}/addons", query, OcmJsonContext.Default.WirePageWireAddonInstallation, cancellationToken)
            : http.ListAsync(OcmEndpoints.ClustersMgmtClusterAddons, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/addons", query, OcmJsonContext.Default.WirePageWireAddonInstallation, cancellationToken);
    }

    /// <summary>The cluster's add-on upgrade plans (v2) or add-on upgrade policies (v1, without their state).</summary>
    public Task<List<WireAddonUpgradePolicy>> ListAddonPoliciesAsync(AddonServiceVersion service, string clusterId, CancellationToken cancellationToken) => service == AddonServiceVersion.V2
        ? http.ListAsync(OcmEndpoints.UpgradePlans, $"{AddonsMgmt}/clusters/{Escape(clusterId)}/upgrade_plans", [], OcmJsonContext.Default.WirePageWireAddonUpgradePolicy, cancellationToken)
        : http.ListAsync(OcmEndpoints.AddonUpgradePolicies, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/addon_upgrade_policies", [], OcmJsonContext.Default.WirePageWireAddonUpgradePolicy, cancellationToken);

    /// <summary>The state of a v1 add-on upgrade policy.</summary>
    public Task<WireUpgradePolicyState> GetAddonPolicyStateAsync(string clusterId, string policyId, CancellationToken cancellationToken) =>
        http.GetAsync(
            OcmEndpoints.AddonUpgradePolicyState,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}/addon_upgrade_policies/{Escape(policyId)}/state",
            [],
            OcmJsonContext.Default.WireUpgradePolicyState,
            cancellationToken);

    public Task<OcmResponse<WireAddonUpgradePolicy>> CreateAddonPolicyAsync(AddonServiceVersion service, string clusterId, WireNewAddonUpgradePolicy policy, CancellationToken cancellationToken) =>
        http.SendAsync(
            HttpMethod.Post,
            service == AddonServiceVersion.V2 ? OcmEndpoints.CreateUpgradePlan : OcmEndpoints.CreateAddonUpgradePolicy,
            service == AddonServiceVersion.V2 ? $"{AddonsMgmt}/clusters/{Escape(clusterId)}/upgrade_plans" : $"{ClustersMgmt}/clusters/{Escape(clusterId)}/addon_upgrade_policies",
            policy,
            OcmJsonContext.Default.WireNewAddonUpgradePolicy,
            OcmJsonContext.Default.WireAddonUpgradePolicy,
            cancellationToken);

    public Task<OcmResponse<WireIdRef>> DeleteAddonPolicyAsync(AddonServiceVersion service, string clusterId, string policyId, CancellationToken cancellationToken) => service == AddonServiceVersion.V2
        ? http.DeleteAsync(OcmEndpoints.DeleteUpgradePlan, $"{AddonsMgmt}/clusters/{Escape(clusterId)}/upgrade_plans/{Escape(policyId)}", cancellationToken)
        : http.DeleteAsync(OcmEndpoints.DeleteAddonUpgradePolicy, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/addon_upgrade_policies/{Escape(policyId)}", cancellationToken);
}
