using System.Text.Json.Nodes;
using Aus.Simulator.Model;

namespace Aus.Simulator.Http;

/// <summary>
/// The simulator's own JSON shapes of OCM objects (field names as openapi-subset.json). Built here, in one
/// place, and never shared with the client, so a contract bug cannot hide on both sides at once.
/// </summary>
internal static class OcmJson
{
    public const string ClustersApi = "/api/clusters_mgmt/v1";
    public const string AccountsApi = "/api/accounts_mgmt/v1";
    public const string ServiceLogsApi = "/api/service_logs/v1";

    public static string Time(DateTimeOffset time) => SimWorld.Format(time);

    public static JsonObject Cluster(SimCluster c) => new()
    {
        ["kind"] = "Cluster",
        ["id"] = c.Id,
        ["href"] = $"{ClustersApi}/clusters/{c.Id}",
        ["name"] = c.Name,
        ["display_name"] = c.Name,
        ["external_id"] = c.ExternalId,
        ["creation_timestamp"] = Time(c.CreatedAt),
        ["managed"] = c.Managed,
        ["state"] = c.State,
        ["channel"] = c.Channel,
        ["openshift_version"] = c.Version,
        ["subscription"] = new JsonObject
        {
            ["kind"] = "SubscriptionLink",
            ["id"] = c.SubscriptionId,
            ["href"] = $"{AccountsApi}/subscriptions/{c.SubscriptionId}",
        },
        ["product"] = new JsonObject { ["kind"] = "ProductLink", ["id"] = c.Product, ["href"] = $"{ClustersApi}/products/{c.Product}" },
        ["region"] = new JsonObject { ["kind"] = "CloudRegionLink", ["id"] = c.Region },
        ["cloud_provider"] = new JsonObject { ["kind"] = "CloudProviderLink", ["id"] = c.CloudProvider },
        ["hypershift"] = new JsonObject { ["enabled"] = c.Hypershift },
        ["aws"] = new JsonObject
        {
            ["sts"] = c.StsEnabled
                ? new JsonObject
                {
                    ["enabled"] = true,
                    ["role_arn"] = $"arn:aws:iam::000000000000:role/{c.Name}-Installer-Role",
                    ["support_role_arn"] = $"arn:aws:iam::000000000000:role/{c.Name}-Support-Role",
                }
                : new JsonObject { ["enabled"] = false },
        },
        ["version"] = new JsonObject
        {
            ["kind"] = "Version",
            ["id"] = $"openshift-v{c.Version}",
            ["href"] = $"{ClustersApi}/versions/openshift-v{c.Version}",
            ["raw_id"] = c.Version,
            ["channel_group"] = c.ChannelGroup,
            ["available_upgrades"] = Strings(c.AvailableUpgrades),
            ["available_channels"] = Strings(c.AvailableChannels),
        },
        ["console"] = new JsonObject { ["url"] = $"https://console-openshift-console.apps.{c.Name}.sim.example.com" },
        ["api"] = new JsonObject { ["url"] = $"https://api.{c.Name}.sim.example.com:6443" },
        ["dns"] = new JsonObject { ["base_domain"] = "sim.example.com" },
        ["external_auth_config"] = new JsonObject { ["enabled"] = false },
        ["identity_providers"] = new JsonObject { ["kind"] = "IdentityProviderListLink", ["href"] = $"{ClustersApi}/clusters/{c.Id}/identity_providers" },
    };

    public static JsonObject NodePool(SimCluster c, SimNodePool p) => new()
    {
        ["kind"] = "NodePool",
        ["id"] = p.Id,
        ["href"] = $"{ClustersApi}/clusters/{c.Id}/node_pools/{p.Id}",
        ["replicas"] = p.Replicas,
        ["version"] = new JsonObject
        {
            ["kind"] = "VersionLink",
            ["id"] = $"openshift-v{p.Version}",
            ["href"] = $"{ClustersApi}/versions/openshift-v{p.Version}",
            ["raw_id"] = p.Version,
        },
        ["status"] = new JsonObject { ["kind"] = "NodePoolStatus", ["current_replicas"] = p.Replicas },
    };

    public static JsonObject Policy(SimPolicy p)
    {
        var json = new JsonObject
        {
            ["kind"] = p.Kind switch
            {
                SimPolicyKind.ControlPlane => "ControlPlaneUpgradePolicy",
                SimPolicyKind.NodePool => "NodePoolUpgradePolicy",
                _ => "UpgradePolicy",
            },
            ["id"] = p.Id,
            ["href"] = PolicyHref(p),
            ["cluster_id"] = p.ClusterId,
            ["schedule_type"] = p.ScheduleType,
            ["upgrade_type"] = p.Kind switch
            {
                SimPolicyKind.ControlPlane => "ControlPlane",
                SimPolicyKind.NodePool => "NodePool",
                _ => "OSD",
            },
            ["version"] = p.Version,
            ["next_run"] = Time(p.NextRun),
            ["enable_minor_version_upgrades"] = false,
        };
        if (p.Schedule is not null)
        {
            json["schedule"] = p.Schedule;
        }

        // Classic policies carry their state on the /state sub-resource; HCP policies inline it.
        if (p.Kind != SimPolicyKind.Cluster)
        {
            json["creation_timestamp"] = Time(p.CreatedAt);
            json["last_update_timestamp"] = Time(p.UpdatedAt);
            json["state"] = new JsonObject { ["value"] = p.State, ["description"] = p.StateDescription };
        }

        if (p.Kind == SimPolicyKind.NodePool)
        {
            json["node_pool_id"] = p.NodePoolId;
        }

        return json;
    }

    public static JsonObject PolicyState(SimPolicy p) => new()
    {
        ["kind"] = "UpgradePolicyState",
        ["id"] = p.Id,
        ["href"] = $"{PolicyHref(p)}/state",
        ["value"] = p.State,
        ["description"] = p.StateDescription,
    };

    public static string PolicyHref(SimPolicy p) => p.Kind switch
    {
        SimPolicyKind.ControlPlane => $"{ClustersApi}/clusters/{p.ClusterId}/control_plane/upgrade_policies/{p.Id}",
        SimPolicyKind.NodePool => $"{ClustersApi}/clusters/{p.ClusterId}/node_pools/{p.NodePoolId}/upgrade_policies/{p.Id}",
        _ => $"{ClustersApi}/clusters/{p.ClusterId}/upgrade_policies/{p.Id}",
    };

    public static JsonObject Gate(SimVersionGate g) => new()
    {
        ["kind"] = "VersionGate",
        ["id"] = g.Id,
        ["href"] = $"{ClustersApi}/version_gates/{g.Id}",
        ["version_raw_id_prefix"] = g.VersionRawIdPrefix,
        ["label"] = g.Label,
        ["value"] = g.Value,
        ["sts_only"] = g.StsOnly,
        ["description"] = g.Description,
        ["creation_timestamp"] = Time(g.CreatedAt),
    };

    public static JsonObject GateAgreement(SimCluster c, SimGateAgreement a, SimVersionGate? gate) => new()
    {
        ["kind"] = "VersionGateAgreement",
        ["id"] = a.Id,
        ["href"] = $"{ClustersApi}/clusters/{c.Id}/gate_agreements/{a.Id}",
        ["agreed_timestamp"] = Time(a.AgreedAt),
        ["version_gate"] = gate is null ? new JsonObject { ["kind"] = "VersionGate", ["id"] = a.GateId } : Gate(gate),
    };

    public static JsonObject Label(SimLabel l) => new()
    {
        ["kind"] = "Label",
        ["id"] = l.Id,
        ["href"] = $"{AccountsApi}/labels/{l.Id}",
        ["key"] = l.Key,
        ["value"] = l.Value,
        ["type"] = l.Type,
        ["internal"] = false,
        ["subscription_id"] = l.Type == "Subscription" ? l.SubscriptionId : null,
        ["organization_id"] = l.OrganizationId,
        ["created_at"] = Time(l.CreatedAt),
        ["updated_at"] = Time(l.UpdatedAt),
    };

    public static JsonObject Subscription(SimCluster c, IEnumerable<SimLabel>? labels, bool capabilities) => new()
    {
        ["kind"] = "Subscription",
        ["id"] = c.SubscriptionId,
        ["href"] = $"{AccountsApi}/subscriptions/{c.SubscriptionId}",
        ["display_name"] = c.Name,
        ["created_at"] = Time(c.CreatedAt),
        ["cluster_id"] = c.Id,
        ["external_cluster_id"] = c.ExternalId,
        ["organization_id"] = c.OrganizationId,
        ["managed"] = c.Managed,
        ["status"] = c.SubscriptionStatus,
        ["labels"] = labels is null ? null : new JsonArray([.. labels.Select(l => (JsonNode)Label(l))]),
        ["capabilities"] = capabilities ? new JsonArray() : null,
    };

    public static JsonObject Organization(SimOrganization o, IEnumerable<SimLabel>? labels, bool capabilities) => new()
    {
        ["kind"] = "Organization",
        ["id"] = o.Id,
        ["href"] = $"{AccountsApi}/organizations/{o.Id}",
        ["name"] = o.Name,
        ["external_id"] = o.Id,
        ["created_at"] = Time(o.CreatedAt),
        ["labels"] = labels is null ? null : new JsonArray([.. labels.Select(l => (JsonNode)Label(l))]),
        ["capabilities"] = capabilities ? new JsonArray() : null,
    };

    public static JsonObject LogEntry(SimLogEntry e) => new()
    {
        ["kind"] = "ClusterLog",
        ["id"] = e.Id,
        ["href"] = $"{ServiceLogsApi}/cluster_logs/{e.Id}",
        ["event_stream_id"] = e.Id,
        ["username"] = e.Username,
        ["cluster_id"] = e.ClusterId,
        ["cluster_uuid"] = e.ClusterUuid,
        ["subscription_id"] = e.SubscriptionId,
        ["timestamp"] = Time(e.CreatedAt),
        ["created_at"] = Time(e.CreatedAt),
        ["created_by"] = e.Username,
        ["service_name"] = e.ServiceName,
        ["summary"] = e.Summary,
        ["description"] = e.Description,
        ["severity"] = e.Severity,
        ["log_type"] = e.LogType,
        ["internal_only"] = e.InternalOnly,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
