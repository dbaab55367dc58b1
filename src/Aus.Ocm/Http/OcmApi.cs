using Aus.Ocm.Wire;

namespace Aus.Ocm.Http;

/// <summary>The OCM calls aus makes, one method each, in wire types.</summary>
internal sealed partial class OcmApi(OcmHttp http)
{
    private const string AccountsMgmt = "/api/accounts_mgmt/v1";
    private const string ClustersMgmt = "/api/clusters_mgmt/v1";
    private const string ServiceLogsPath = "/api/service_logs/v1/cluster_logs";
    private const string ClusterServiceLogsPath = "/api/service_logs/v1/clusters/cluster_logs";

    /// <summary>The largest number of subscription ids in one <c>subscription.id in (...)</c> search.</summary>
    public const int SubscriptionChunk = 100;

    private static readonly string[] SubscriptionStatuses = ["Active", "Reserved"];
    private static readonly string[] Products = ["osd", "rosa"];

    public int PageSize => http.PageSize;

    /// <summary>The organization's managed subscriptions that are Active or Reserved, with their labels.</summary>
    public Task<List<WireSubscription>> ListSubscriptionsAsync(string orgId, CancellationToken cancellationToken)
    {
        var search = OcmSearch.Empty
            .Equal("managed", "true")
            .Equal("organization_id", orgId)
            .In("status", SubscriptionStatuses);
        return http.ListAsync(
            OcmEndpoints.Subscriptions,
            $"{AccountsMgmt}/subscriptions",
            [new("fetchLabels", "true"), new("search", search.ToString()), new("order", "id")],
            OcmJsonContext.Default.WirePageWireSubscription,
            cancellationToken);
    }

    /// <summary>The given subscriptions (at most <see cref="SubscriptionChunk"/>) that are managed and Active or Reserved.</summary>
    public Task<List<WireSubscription>> ListSubscriptionsByIdAsync(IReadOnlyCollection<string> subscriptionIds, CancellationToken cancellationToken)
    {
        var search = OcmSearch.Empty
            .In("id", subscriptionIds)
            .Equal("managed", "true")
            .In("status", SubscriptionStatuses);
        return http.ListAsync(
            OcmEndpoints.Subscriptions,
            $"{AccountsMgmt}/subscriptions",
            [new("search", search.ToString()), new("order", "id")],
            OcmJsonContext.Default.WirePageWireSubscription,
            cancellationToken);
    }

    /// <summary>Ready managed OSD/ROSA clusters of the given subscriptions (at most <see cref="SubscriptionChunk"/>).</summary>
    public Task<List<WireCluster>> ListClustersAsync(IReadOnlyCollection<string> subscriptionIds, CancellationToken cancellationToken)
    {
        var search = OcmSearch.Empty
            .Equal("managed", "true")
            .In("product.id", Products)
            .Equal("state", "ready")
            .In("subscription.id", subscriptionIds);
        return http.ListAsync(
            OcmEndpoints.Clusters,
            $"{ClustersMgmt}/clusters",
            [new("search", search.ToString()), new("order", "creation_timestamp")],
            OcmJsonContext.Default.WirePageWireCluster,
            cancellationToken);
    }

    public Task<WireCluster> GetClusterAsync(string clusterId, CancellationToken cancellationToken) =>
        http.GetAsync(OcmEndpoints.Cluster, $"{ClustersMgmt}/clusters/{Escape(clusterId)}", [], OcmJsonContext.Default.WireCluster, cancellationToken);

    public Task<OcmResponse<WireCluster>> PatchChannelAsync(string clusterId, string channel, CancellationToken cancellationToken) =>
        http.SendAsync(
            HttpMethod.Patch,
            OcmEndpoints.PatchCluster,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}",
            new WireChannelPatch(channel),
            OcmJsonContext.Default.WireChannelPatch,
            OcmJsonContext.Default.WireCluster,
            cancellationToken);

    public Task<List<WireNodePool>> ListNodePoolsAsync(string clusterId, CancellationToken cancellationToken) =>
        http.ListAsync(OcmEndpoints.NodePools, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/node_pools", [], OcmJsonContext.Default.WirePageWireNodePool, cancellationToken);

    public Task<List<WireUpgradePolicy>> ListUpgradePoliciesAsync(string clusterId, CancellationToken cancellationToken) =>
        http.ListAsync(OcmEndpoints.UpgradePolicies, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/upgrade_policies", [], OcmJsonContext.Default.WirePageWireUpgradePolicy, cancellationToken);

    public Task<WireUpgradePolicyState> GetUpgradePolicyStateAsync(string clusterId, string policyId, CancellationToken cancellationToken) =>
        http.GetAsync(
            OcmEndpoints.UpgradePolicyState,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}/upgrade_policies/{Escape(policyId)}/state",
            [],
            OcmJsonContext.Default.WireUpgradePolicyState,
            cancellationToken);

    public Task<List<WireUpgradePolicy>> ListControlPlaneUpgradePoliciesAsync(string clusterId, CancellationToken cancellationToken) =>
        http.ListAsync(
            OcmEndpoints.ControlPlaneUpgradePolicies,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}/control_plane/upgrade_policies",
            [],
            OcmJsonContext.Default.WirePageWireUpgradePolicy,
            cancellationToken);

    public Task<List<WireUpgradePolicy>> ListNodePoolUpgradePoliciesAsync(string clusterId, string nodePoolId, CancellationToken cancellationToken) =>
        http.ListAsync(
            OcmEndpoints.NodePoolUpgradePolicies,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}/node_pools/{Escape(nodePoolId)}/upgrade_policies",
            [],
            OcmJsonContext.Default.WirePageWireUpgradePolicy,
            cancellationToken);

    public Task<OcmResponse<WireIdRef>> DeleteUpgradePolicyAsync(string clusterId, string policyId, CancellationToken cancellationToken) =>
        http.DeleteAsync(OcmEndpoints.DeleteUpgradePolicy, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/upgrade_policies/{Escape(policyId)}", cancellationToken);

    public Task<OcmResponse<WireIdRef>> DeleteControlPlaneUpgradePolicyAsync(string clusterId, string policyId, CancellationToken cancellationToken) =>
        http.DeleteAsync(
            OcmEndpoints.DeleteControlPlaneUpgradePolicy,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}/control_plane/upgrade_policies/{Escape(policyId)}",
            cancellationToken);

    public Task<OcmResponse<WireIdRef>> DeleteNodePoolUpgradePolicyAsync(string clusterId, string nodePoolId, string policyId, CancellationToken cancellationToken) =>
        http.DeleteAsync(
            OcmEndpoints.DeleteNodePoolUpgradePolicy,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}/node_pools/{Escape(nodePoolId)}/upgrade_policies/{Escape(policyId)}",
            cancellationToken);

    public Task<OcmResponse<WireUpgradePolicy>> CreateUpgradePolicyAsync(string clusterId, WireNewUpgradePolicy policy, CancellationToken cancellationToken) =>
        PostPolicyAsync(OcmEndpoints.CreateUpgradePolicy, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/upgrade_policies", policy, cancellationToken);

    public Task<OcmResponse<WireUpgradePolicy>> CreateControlPlaneUpgradePolicyAsync(string clusterId, WireNewUpgradePolicy policy, CancellationToken cancellationToken) =>
        PostPolicyAsync(OcmEndpoints.CreateControlPlaneUpgradePolicy, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/control_plane/upgrade_policies", policy, cancellationToken);

    public Task<OcmResponse<WireUpgradePolicy>> CreateNodePoolUpgradePolicyAsync(string clusterId, string nodePoolId, WireNewUpgradePolicy policy, CancellationToken cancellationToken) =>
        PostPolicyAsync(
            OcmEndpoints.CreateNodePoolUpgradePolicy,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}/node_pools/{Escape(nodePoolId)}/upgrade_policies",
            policy,
            cancellationToken);

    public Task<List<WireVersionGate>> ListVersionGatesAsync(CancellationToken cancellationToken) =>
        http.ListAsync(OcmEndpoints.VersionGates, $"{ClustersMgmt}/version_gates", [], OcmJsonContext.Default.WirePageWireVersionGate, cancellationToken);

    public Task<List<WireGateAgreement>> ListGateAgreementsAsync(string clusterId, CancellationToken cancellationToken) =>
        http.ListAsync(OcmEndpoints.GateAgreements, $"{ClustersMgmt}/clusters/{Escape(clusterId)}/gate_agreements", [], OcmJsonContext.Default.WirePageWireGateAgreement, cancellationToken);

    public Task<OcmResponse<WireGateAgreement>> CreateGateAgreementAsync(string clusterId, string gateId, CancellationToken cancellationToken) =>
        http.SendAsync(
            HttpMethod.Post,
            OcmEndpoints.CreateGateAgreement,
            $"{ClustersMgmt}/clusters/{Escape(clusterId)}/gate_agreements",
            new WireNewGateAgreement(new WireIdRef { Id = gateId }),
            OcmJsonContext.Default.WireNewGateAgreement,
            OcmJsonContext.Default.WireGateAgreement,
            cancellationToken);

    /// <summary>
    /// Labels matching an accounts_mgmt search (e.g. <c>key like 'sre-capabilities.aus.%' and type='Organization'</c>).
    /// The endpoint takes page, search and size only: no order is asked for, and callers must not rely on one.
    /// </summary>
    public Task<List<WireLabel>> SearchLabelsAsync(string search, CancellationToken cancellationToken) =>
        http.ListAsync(
            OcmEndpoints.Labels,
            $"{AccountsMgmt}/labels",
            [new("search", search)],
            OcmJsonContext.Default.WirePageWireLabel,
            cancellationToken);

    public Task<List<WireLabel>> ListSubscriptionLabelsAsync(string subscriptionId, CancellationToken cancellationToken) =>
        http.ListAsync(OcmEndpoints.SubscriptionLabels, $"{AccountsMgmt}/subscriptions/{Escape(subscriptionId)}/labels", [], OcmJsonContext.Default.WirePageWireLabel, cancellationToken);

    public Task<List<WireLabel>> ListOrganizationLabelsAsync(string orgId, CancellationToken cancellationToken) =>
        http.ListAsync(OcmEndpoints.OrganizationLabels, $"{AccountsMgmt}/organizations/{Escape(orgId)}/labels", [], OcmJsonContext.Default.WirePageWireLabel, cancellationToken);

    public Task<OcmResponse<WireLabel>> CreateSubscriptionLabelAsync(string subscriptionId, string key, string value, CancellationToken cancellationToken) =>
        PostLabelAsync(OcmEndpoints.CreateSubscriptionLabel, $"{AccountsMgmt}/subscriptions/{Escape(subscriptionId)}/labels", key, value, cancellationToken);

    public Task<OcmResponse<WireLabel>> CreateOrganizationLabelAsync(string orgId, string key, string value, CancellationToken cancellationToken) =>
        PostLabelAsync(OcmEndpoints.CreateOrganizationLabel, $"{AccountsMgmt}/organizations/{Escape(orgId)}/labels", key, value, cancellationToken);

    /// <summary>
    /// One cluster's service logs matching <paramref name="search"/>: the per-cluster list, which any
    /// user of the cluster may read (the global list needs the right to see private logs).
    /// </summary>
    public Task<List<WireLogEntry>> SearchClusterServiceLogsAsync(string clusterUuid, string search, CancellationToken cancellationToken) =>
        http.ListAsync(
            OcmEndpoints.ServiceLogs,
            ClusterServiceLogsPath,
            search.Length == 0 ? [new("cluster_uuid", clusterUuid)] : [new("cluster_uuid", clusterUuid), new("search", search)],
            OcmJsonContext.Default.WirePageWireLogEntry,
            cancellationToken);

    public Task<OcmResponse<WireLogEntry>> CreateServiceLogAsync(WireNewLogEntry entry, CancellationToken cancellationToken) =>
        http.SendAsync(
            HttpMethod.Post,
            OcmEndpoints.CreateServiceLog,
            ServiceLogsPath,
            entry,
            OcmJsonContext.Default.WireNewLogEntry,
            OcmJsonContext.Default.WireLogEntry,
            cancellationToken);

    private Task<OcmResponse<WireUpgradePolicy>> PostPolicyAsync(string endpoint, string path, WireNewUpgradePolicy policy, CancellationToken cancellationToken) =>
        http.SendAsync(HttpMethod.Post, endpoint, path, policy, OcmJsonContext.Default.WireNewUpgradePolicy, OcmJsonContext.Default.WireUpgradePolicy, cancellationToken);

    private Task<OcmResponse<WireLabel>> PostLabelAsync(string endpoint, string path, string key, string value, CancellationToken cancellationToken) =>
        http.SendAsync(HttpMethod.Post, endpoint, path, new WireNewLabel("Label", key, value), OcmJsonContext.Default.WireNewLabel, OcmJsonContext.Default.WireLabel, cancellationToken);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
