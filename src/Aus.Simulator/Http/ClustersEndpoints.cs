using System.Text.Json.Nodes;
using Aus.Simulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aus.Simulator.Http;

/// <summary>clusters_mgmt: clusters, node pools, upgrade policies (classic, control plane, node pool), version gates.</summary>
internal static class ClustersEndpoints
{
    private const string Api = OcmJson.ClustersApi;

    private static readonly Dictionary<string, Func<SimCluster, string?>> ClusterFields = new(StringComparer.Ordinal)
    {
        ["id"] = c => c.Id,
        ["name"] = c => c.Name,
        ["display_name"] = c => c.Name,
        ["external_id"] = c => c.ExternalId,
        ["managed"] = c => c.Managed ? "true" : "false",
        ["product.id"] = c => c.Product,
        ["state"] = c => c.State,
        ["subscription.id"] = c => c.SubscriptionId,
        ["hypershift.enabled"] = c => c.Hypershift ? "true" : "false",
        ["channel"] = c => c.Channel,
        ["version.raw_id"] = c => c.Version,
        ["version.id"] = c => $"openshift-v{c.Version}",
        ["openshift_version"] = c => c.Version,
        ["region.id"] = c => c.Region,
        ["cloud_provider.id"] = c => c.CloudProvider,
        ["creation_timestamp"] = c => OcmJson.Time(c.CreatedAt),
    };

    private static readonly Dictionary<string, Func<SimPolicy, string?>> PolicyFields = new(StringComparer.Ordinal)
    {
        ["id"] = p => p.Id,
        ["version"] = p => p.Version,
        ["schedule_type"] = p => p.ScheduleType,
        ["next_run"] = p => OcmJson.Time(p.NextRun),
        ["state.value"] = p => p.State,
        ["creation_timestamp"] = p => OcmJson.Time(p.CreatedAt),
    };

    private static readonly Dictionary<string, Func<SimNodePool, string?>> NodePoolFields = new(StringComparer.Ordinal)
    {
        ["id"] = p => p.Id,
        ["version.raw_id"] = p => p.Version,
    };

    private static readonly Dictionary<string, Func<SimVersionGate, string?>> GateFields = new(StringComparer.Ordinal)
    {
        ["id"] = g => g.Id,
        ["label"] = g => g.Label,
        ["version_raw_id_prefix"] = g => g.VersionRawIdPrefix,
        ["sts_only"] = g => g.StsOnly ? "true" : "false",
        ["creation_timestamp"] = g => OcmJson.Time(g.CreatedAt),
    };

    private static readonly Dictionary<string, Func<SimGateAgreement, string?>> AgreementFields = new(StringComparer.Ordinal)
    {
        ["id"] = a => a.Id,
        ["version_gate.id"] = a => a.GateId,
        ["agreed_timestamp"] = a => OcmJson.Time(a.AgreedAt),
    };

    public static void Map(IEndpointRouteBuilder app, SimWorld world)
    {
        app.MapGet($"{Api}/clusters", (HttpContext ctx) =>
        {
            lock (world.Sync)
            {
                return OcmResults.List(ctx, world, "Cluster", world.Clusters, OcmJson.Cluster, ClusterFields);
            }
        });

        app.MapGet($"{Api}/clusters/{{id}}", (HttpContext ctx, string id) =>
        {
            lock (world.Sync)
            {
                var cluster = world.FindCluster(id);
                return cluster is null ? OcmResults.NotFound(ctx, world, "Cluster", id) : OcmResults.Json(OcmJson.Cluster(cluster));
            }
        });

        app.MapMethods($"{Api}/clusters/{{id}}", ["PATCH"], async (HttpContext ctx, string id) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            lock (world.Sync)
            {
                var cluster = world.FindCluster(id);
                if (cluster is null)
                {
                    return OcmResults.NotFound(ctx, world, "Cluster", id);
                }

                if (body is null)
                {
                    return OcmResults.Error(ctx, world, 400, error!);
                }

                var unsupported = body.Select(p => p.Key).Where(k => k is not ("channel" or "kind" or "id")).ToList();
                if (unsupported.Count > 0)
                {
                    return OcmResults.Error(ctx, world, 400, $"The simulator can only change 'channel' of a cluster, not {string.Join(", ", unsupported)}");
                }

                var channel = RequestBody.String(body, "channel");
                if (channel is not null && channel != cluster.Channel)
                {
                    if (!cluster.AvailableChannels.Contains(channel))
                    {
                        return OcmResults.Error(ctx, world, 400, $"Channel '{channel}' is not available for cluster '{cluster.Id}' (available: {string.Join(", ", cluster.AvailableChannels)})");
                    }

                    world.SetChannel(cluster, channel);
                }

                return OcmResults.Json(OcmJson.Cluster(cluster));
            }
        });

        app.MapGet($"{Api}/clusters/{{id}}/node_pools", (HttpContext ctx, string id) =>
            WithCluster(ctx, world, id, c => OcmResults.List(ctx, world, "NodePool", c.NodePools, p => OcmJson.NodePool(c, p), NodePoolFields)));

        app.MapGet($"{Api}/clusters/{{id}}/node_pools/{{np}}", (HttpContext ctx, string id, string np) =>
            WithCluster(ctx, world, id, c => c.NodePools.Find(p => p.Id == np) is { } pool
                ? OcmResults.Json(OcmJson.NodePool(c, pool))
                : OcmResults.NotFound(ctx, world, "Node pool", np)));

        MapPolicies(app, world, $"{Api}/clusters/{{id}}/upgrade_policies", SimPolicyKind.Cluster, "UpgradePolicy");
        MapPolicies(app, world, $"{Api}/clusters/{{id}}/control_plane/upgrade_policies", SimPolicyKind.ControlPlane, "ControlPlaneUpgradePolicy");
        MapPolicies(app, world, $"{Api}/clusters/{{id}}/node_pools/{{np}}/upgrade_policies", SimPolicyKind.NodePool, "NodePoolUpgradePolicy");

        app.MapGet($"{Api}/clusters/{{id}}/upgrade_policies/{{pid}}/state", (HttpContext ctx, string id, string pid) =>
            WithCluster(ctx, world, id, c => FindPolicy(world, c, SimPolicyKind.Cluster, null, pid) is { } policy
                ? OcmResults.Json(OcmJson.PolicyState(policy))
                : OcmResults.NotFound(ctx, world, "Upgrade policy", pid)));

        app.MapGet($"{Api}/version_gates", (HttpContext ctx) =>
        {
            lock (world.Sync)
            {
                return OcmResults.List(ctx, world, "VersionGate", world.Gates, OcmJson.Gate, GateFields);
            }
        });

        app.MapGet($"{Api}/version_gates/{{gid}}", (HttpContext ctx, string gid) =>
        {
            lock (world.Sync)
            {
                return world.Gates.Find(g => g.Id == gid) is { } gate ? OcmResults.Json(OcmJson.Gate(gate)) : OcmResults.NotFound(ctx, world, "Version gate", gid);
            }
        });

        app.MapGet($"{Api}/clusters/{{id}}/gate_agreements", (HttpContext ctx, string id) =>
            WithCluster(ctx, world, id, c => OcmResults.List(
                ctx, world, "VersionGateAgreement", c.GateAgreements, a => OcmJson.GateAgreement(c, a, world.Gates.Find(g => g.Id == a.GateId)), AgreementFields)));

        app.MapPost($"{Api}/clusters/{{id}}/gate_agreements", async (HttpContext ctx, string id) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            return WithCluster(ctx, world, id, c =>
            {
                if (body is null)
                {
                    return OcmResults.Error(ctx, world, 400, error!);
                }

                var gateId = body["version_gate"] is JsonObject g ? RequestBody.String(g, "id") : null;
                if (gateId is null)
                {
                    return OcmResults.Error(ctx, world, 400, "Attribute 'version_gate.id' is required");
                }

                var gate = world.Gates.Find(x => x.Id == gateId);
                if (gate is null)
                {
                    return OcmResults.Error(ctx, world, 400, $"Version gate '{gateId}' does not exist");
                }

                if (c.GateAgreements.Exists(a => a.GateId == gateId))
                {
                    return OcmResults.Error(ctx, world, 409, $"Version gate '{gateId}' is already agreed for cluster '{c.Id}'");
                }

                var agreement = new SimGateAgreement { Id = world.NextId("ga-"), GateId = gateId, AgreedAt = world.Now };
                c.GateAgreements.Add(agreement);
                return OcmResults.Json(OcmJson.GateAgreement(c, agreement, gate), 201);
            });
        });

        app.MapGet($"{Api}/clusters/{{id}}/external_configuration/labels", (HttpContext ctx, string id) =>
            WithCluster(ctx, world, id, c => OcmResults.List(ctx, world, "Label", Array.Empty<SimLabel>(), OcmJson.Label, new Dictionary<string, Func<SimLabel, string?>>())));
    }

    private static void MapPolicies(IEndpointRouteBuilder app, SimWorld world, string route, SimPolicyKind kind, string listKind)
    {
        app.MapGet(route, (HttpContext ctx, string id) =>
            WithPolicyOwner(ctx, world, id, kind, (c, np) => OcmResults.List(
                ctx, world, listKind, world.Policies.Where(p => p.ClusterId == c.Id && p.Kind == kind && p.NodePoolId == np), OcmJson.Policy, PolicyFields)));

        app.MapPost(route, async (HttpContext ctx, string id) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            return WithPolicyOwner(ctx, world, id, kind, (c, np) =>
            {
                if (body is null)
                {
                    return OcmResults.Error(ctx, world, 400, error!);
                }

                var (nextRun, timeError) = RequestBody.Time(body, "next_run");
                if (timeError is not null)
                {
                    return OcmResults.Error(ctx, world, 400, timeError);
                }

                var outcome = world.CreatePolicy(c, kind, np, RequestBody.String(body, "version"), RequestBody.String(body, "schedule_type"), nextRun);
                return outcome.Value is null
                    ? OcmResults.Error(ctx, world, outcome.Status, outcome.Reason!)
                    : OcmResults.Json(OcmJson.Policy(outcome.Value), outcome.Status);
            });
        });

        app.MapGet($"{route}/{{pid}}", (HttpContext ctx, string id, string pid) =>
            WithPolicyOwner(ctx, world, id, kind, (c, np) => FindPolicy(world, c, kind, np, pid) is { } policy
                ? OcmResults.Json(OcmJson.Policy(policy))
                : OcmResults.NotFound(ctx, world, "Upgrade policy", pid)));

        app.MapDelete($"{route}/{{pid}}", (HttpContext ctx, string id, string pid) =>
            WithPolicyOwner(ctx, world, id, kind, (c, np) =>
            {
                var policy = FindPolicy(world, c, kind, np, pid);
                if (policy is null)
                {
                    return OcmResults.NotFound(ctx, world, "Upgrade policy", pid);
                }

                if (policy.State == "started")
                {
                    return OcmResults.Error(ctx, world, 400, $"Upgrade policy '{pid}' has started and cannot be deleted");
                }

                world.Policies.Remove(policy);
                return Results.NoContent();
            }));
    }

    private static SimPolicy? FindPolicy(SimWorld world, SimCluster cluster, SimPolicyKind kind, string? nodePoolId, string id) =>
        world.Policies.Find(p => p.Id == id && p.ClusterId == cluster.Id && p.Kind == kind && p.NodePoolId == nodePoolId);

    private static IResult WithCluster(HttpContext ctx, SimWorld world, string id, Func<SimCluster, IResult> action)
    {
        lock (world.Sync)
        {
            var cluster = world.FindCluster(id);
            return cluster is null ? OcmResults.NotFound(ctx, world, "Cluster", id) : action(cluster);
        }
    }

    // Node-pool routes also name the pool: it must exist before its policies do.
    private static IResult WithPolicyOwner(HttpContext ctx, SimWorld world, string id, SimPolicyKind kind, Func<SimCluster, string?, IResult> action) =>
        WithCluster(ctx, world, id, c =>
        {
            if (kind != SimPolicyKind.NodePool)
            {
                return action(c, null);
            }

            var np = ctx.GetRouteValue("np") as string;
            return c.NodePools.Exists(p => p.Id == np) ? action(c, np) : OcmResults.NotFound(ctx, world, "Node pool", np ?? string.Empty);
        });
}
