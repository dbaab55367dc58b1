using System.Text.Json;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>`aus plan --output json`: the machine contract, described by plan.schema.json; fields are only ever added.</summary>
internal static class PlanJsonWriter
{
    public static string Write(FleetPlan plan)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("now", TimeFormat.Format(plan.Now));
            json.WriteStartArray("organizations");
            foreach (var organization in plan.Organizations)
            {
                WriteOrganization(json, organization);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }) + "\n";
    }

    private static void WriteOrganization(Utf8JsonWriter json, OrganizationPlan organization)
    {
        json.WriteStartObject();
        json.WriteString("orgId", organization.OrgId.Value);
        json.WriteString("name", organization.Name);
        WriteMessages(json, "errors", organization.Errors);
        WriteMessages(json, "warnings", organization.Warnings);
        json.WriteStartArray("actions");
        foreach (var action in organization.Actions)
        {
            WriteAction(json, action);
        }

        json.WriteEndArray();
        json.WriteStartArray("clusters");
        foreach (var cluster in organization.Clusters)
        {
            WriteCluster(json, cluster);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMessages(Utf8JsonWriter json, string name, IEnumerable<OrganizationMessage> messages)
    {
        json.WriteStartArray(name);
        foreach (var message in messages)
        {
            json.WriteStartObject();
            if (message.Cluster is null)
            {
                json.WriteNull("cluster");
            }
            else
            {
                json.WriteString("cluster", message.Cluster);
            }

            json.WriteString("message", message.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteAction(Utf8JsonWriter json, PlannedAction action)
    {
        json.WriteStartObject();
        switch (action)
        {
            case CreateUpgradePolicy create:
                json.WriteString("action", "create-upgrade-policy");
                json.WriteString("kind", KindName(create.Kind));
                WriteTarget(json, action);
                if (create.NodePool is not null)
                {
                    json.WriteString("nodePool", create.NodePool);
                }

                if (create.Addon is not null)
                {
                    json.WriteString("addon", create.Addon);
                }

                json.WriteString("version", create.Version.ToString());
                json.WriteString("nextRun", TimeFormat.Format(create.NextRun));
                break;
            case DeleteUpgradePolicy delete:
                json.WriteString("action", "delete-upgrade-policy");
                json.WriteString("kind", KindName(delete.Kind));
                WriteTarget(json, action);
                if (delete.NodePool is not null)
                {
                    json.WriteString("nodePool", delete.NodePool);
                }

                if (delete.Addon is not null)
                {
                    json.WriteString("addon", delete.Addon);
                }

                if (delete.Version is not null)
                {
                    json.WriteString("version", delete.Version);
                }

                json.WriteString("policyId", delete.PolicyId);
                break;
            case SwitchChannel channel:
                json.WriteString("action", "switch-channel");
                WriteTarget(json, action);
                json.WriteString("from", channel.From.Value);
                json.WriteString("to", channel.To.Value);
                break;
            case AgreeVersionGate gate:
                json.WriteString("action", "agree-version-gate");
                WriteTarget(json, action);
                json.WriteString("gate", gate.Gate);
                json.WriteString("label", gate.Label);
                json.WriteString("versionPrefix", gate.VersionPrefix);
                break;
            default:
                throw new InvalidOperationException($"unknown action {action.GetType().Name}");
        }

        json.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter json, PlannedAction action)
    {
        json.WriteString("cluster", action.Cluster);
        json.WriteString("clusterId", action.ClusterId.Value);
    }

    private static void WriteCluster(Utf8JsonWriter json, ClusterDecision cluster)
    {
        json.WriteStartObject();
        json.WriteString("name", cluster.Name);
        if (cluster.Addon is not null)
        {
            json.WriteString("addon", cluster.Addon);
        }

        if (cluster.Version is not null)
        {
            json.WriteString("version", cluster.Version);
        }

        json.WriteString("decision", cluster.Decision.ToCode());
        json.WriteString("reason", cluster.Reason.ToCode());
        if (cluster.TargetVersion is not null)
        {
            json.WriteString("targetVersion", cluster.TargetVersion);
        }

        if (cluster.NextRun is { } nextRun)
        {
            json.WriteString("nextRun", TimeFormat.Format(nextRun));
        }

        json.WriteString("detail", cluster.Detail);
        json.WriteEndObject();
    }

    public static string KindName(UpgradePolicyKind kind) => kind switch
    {
        UpgradePolicyKind.Cluster => "cluster",
        UpgradePolicyKind.ControlPlane => "control-plane",
        UpgradePolicyKind.NodePool => "node-pool",
        UpgradePolicyKind.Addon => "addon",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
