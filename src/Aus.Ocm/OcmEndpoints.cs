namespace Aus.Ocm;

/// <summary>The endpoint templates calls are counted under, one per OCM call aus makes.</summary>
public static class OcmEndpoints
{
    public const string Subscriptions = "GET /api/accounts_mgmt/v1/subscriptions";
    public const string Clusters = "GET /api/clusters_mgmt/v1/clusters";
    public const string Cluster = "GET /api/clusters_mgmt/v1/clusters/{id}";
    public const string PatchCluster = "PATCH /api/clusters_mgmt/v1/clusters/{id}";
    public const string NodePools = "GET /api/clusters_mgmt/v1/clusters/{id}/node_pools";
    public const string UpgradePolicies = "GET /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies";
    public const string UpgradePolicyState = "GET /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies/{id}/state";
    public const string CreateUpgradePolicy = "POST /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies";
    public const string ControlPlaneUpgradePolicies = "GET /api/clusters_mgmt/v1/clusters/{id}/control_plane/upgrade_policies";
    public const string CreateControlPlaneUpgradePolicy = "POST /api/clusters_mgmt/v1/clusters/{id}/control_plane/upgrade_policies";
    public const string NodePoolUpgradePolicies = "GET /api/clusters_mgmt/v1/clusters/{id}/node_pools/{id}/upgrade_policies";
    public const string CreateNodePoolUpgradePolicy = "POST /api/clusters_mgmt/v1/clusters/{id}/node_pools/{id}/upgrade_policies";
    public const string DeleteUpgradePolicy = "DELETE /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies/{id}";
    public const string DeleteControlPlaneUpgradePolicy = "DELETE /api/clusters_mgmt/v1/clusters/{id}/control_plane/upgrade_policies/{id}";
    public const string DeleteNodePoolUpgradePolicy = "DELETE /api/clusters_mgmt/v1/clusters/{id}/node_pools/{id}/upgrade_policies/{id}";
    public const string VersionGates = "GET /api/clusters_mgmt/v1/version_gates";
    public const string GateAgreements = "GET /api/clusters_mgmt/v1/clusters/{id}/gate_agreements";
    public const string CreateGateAgreement = "POST /api/clusters_mgmt/v1/clusters/{id}/gate_agreements";
    public const string Labels = "GET /api/accounts_mgmt/v1/labels";
    public const string SubscriptionLabels = "GET /api/accounts_mgmt/v1/subscriptions/{id}/labels";
    public const string CreateSubscriptionLabel = "POST /api/accounts_mgmt/v1/subscriptions/{id}/labels";
    public const string OrganizationLabels = "GET /api/accounts_mgmt/v1/organizations/{id}/labels";
    public const string CreateOrganizationLabel = "POST /api/accounts_mgmt/v1/organizations/{id}/labels";
    public const string ServiceLogs = "GET /api/service_logs/v1/clusters/cluster_logs";
    public const string CreateServiceLog = "POST /api/service_logs/v1/cluster_logs";
    public const string Token = "POST token";

    // Add-ons: the add-ons service (v2) ...
    public const string Addons = "GET /api/addons_mgmt/v1/addons";
    public const string ClusterAddons = "GET /api/addons_mgmt/v1/clusters/{id}/addons";
    public const string UpgradePlans = "GET /api/addons_mgmt/v1/clusters/{id}/upgrade_plans";
    public const string CreateUpgradePlan = "POST /api/addons_mgmt/v1/clusters/{id}/upgrade_plans";
    public const string DeleteUpgradePlan = "DELETE /api/addons_mgmt/v1/clusters/{id}/upgrade_plans/{id}";

    // ... and the cluster service (v1).
    public const string ClustersMgmtAddons = "GET /api/clusters_mgmt/v1/addons";
    public const string ClustersMgmtClusterAddons = "GET /api/clusters_mgmt/v1/clusters/{id}/addons";
    public const string AddonUpgradePolicies = "GET /api/clusters_mgmt/v1/clusters/{id}/addon_upgrade_policies";
    public const string AddonUpgradePolicyState = "GET /api/clusters_mgmt/v1/clusters/{id}/addon_upgrade_policies/{id}/state";
    public const string CreateAddonUpgradePolicy = "POST /api/clusters_mgmt/v1/clusters/{id}/addon_upgrade_policies";
    public const string DeleteAddonUpgradePolicy = "DELETE /api/clusters_mgmt/v1/clusters/{id}/addon_upgrade_policies/{id}";
}
