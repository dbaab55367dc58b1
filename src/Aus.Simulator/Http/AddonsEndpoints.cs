using System.Text.Json.Nodes;
using Aus.Simulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aus.Simulator.Http;

/// <summary>
/// Add-ons, served both ways an OCM environment may hold them: the add-ons service (v2: catalog,
/// installed add-ons, upgrade plans) and the cluster service (v1: catalog, installed add-ons,
/// add-on upgrade policies with their state). Both show the same add-on upgrades.
/// </summary>
internal static class AddonsEndpoints
{
    private const string AddonsApi = "/api/addons_mgmt/v1";
    private const string ClustersApi = OcmJson.ClustersApi;

    private static readonly Dictionary<string, Func<KeyValuePair<string, string>, string?>> CatalogFields = new(StringComparer.Ordinal)
    {
        ["id"] = a => a.Key,
        ["version.id"] = a => a.Value,
    };

    private static readonly Dictionary<string, Func<SimInstalledAddon, string?>> InstalledFields = new(StringComparer.Ordinal)
    {
        ["id"] = a => a.Id,
        ["addon.id"] = a => a.Id,
        ["state"] = a => a.State,
        ["addon_version.id"] = a => a.Version,
    };

    private static readonly Dictionary<string, Func<SimAddonPolicy, string?>> PolicyFields = new(StringComparer.Ordinal)
    {
        ["id"] = p => p.Id,
        ["addon_id"] = p => p.AddonId,
        ["version"] = p => p.Version,
        ["next_run"] = p => OcmJson.Time(p.NextRun),
    };

    public static void Map(IEndpointRouteBuilder app, SimWorld world)
    {
        foreach (var root in new[] { AddonsApi, ClustersApi })
        {
            app.MapGet($"{root}/addons", (HttpContext ctx) =>
            {
                lock (world.Sync)
                {
                    return OcmResults.List(ctx, world, "Addon", world.AddonCatalog.ToList(), a => Catalog(root, a), CatalogFields);
                }
            });

            app.MapGet($"{root}/clusters/{{id}}/addons", (HttpContext ctx, string id) =>
                WithCluster(ctx, world, id, c => OcmResults.List(ctx, world, "AddOnInstallation", c.Addons, a => Installed(root, c, a), InstalledFields)));
        }

        var v2 = $"{AddonsApi}/clusters/{{id}}/upgrade_plans";
        app.MapGet(v2, (HttpContext ctx, string id) =>
            WithCluster(ctx, world, id, c => OcmResults.List(ctx, world, "AddonUpgradePlan", PoliciesOf(world, c), p => Plan(p), PolicyFields)));
        app.MapPost(v2, (HttpContext ctx, string id) => CreateAsync(ctx, world, id, v2: true));
        app.MapDelete($"{v2}/{{pid}}", (HttpContext ctx, string id, string pid) => Delete(ctx, world, id, pid));

        var v1 = $"{ClustersApi}/clusters/{{id}}/addon_upgrade_policies";
        app.MapGet(v1, (HttpContext ctx, string id) =>
            WithCluster(ctx, world, id, c => OcmResults.List(ctx, world, "AddonUpgradePolicy", PoliciesOf(world, c), p => Policy(p), PolicyFields)));
        app.MapPost(v1, (HttpContext ctx, string id) => CreateAsync(ctx, world, id, v2: false));
        app.MapDelete($"{v1}/{{pid}}", (HttpContext ctx, string id, string pid) => Delete(ctx, world, id, pid));
        app.MapGet($"{v1}/{{pid}}/state", (HttpContext ctx, string id, string pid) =>
            WithCluster(ctx, world, id, c => world.AddonPolicies.Find(p => p.Id == pid && p.ClusterId == c.Id) is { } policy
                ? OcmResults.Json(new JsonObject { ["kind"] = "AddonUpgradePolicyState", ["id"] = policy.Id, ["value"] = policy.State })
                : OcmResults.NotFound(ctx, world, "Upgrade policy", pid)));
    }

    private static async Task<IResult> CreateAsync(HttpContext ctx, SimWorld world, string id, bool v2)
    {
        var (body, error) = await RequestBody.ReadAsync(ctx);
        return WithCluster(ctx, world, id, c =>
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

            var scheduleType = RequestBody.String(body, v2 ? "type" : "schedule_type");
            var outcome = world.CreateAddonPolicy(c, RequestBody.String(body, "addon_id"), RequestBody.String(body, "version"), scheduleType, nextRun, nextRunRequired: v2);
            return outcome.Value is null
                ? OcmResults.Error(ctx, world, outcome.Status, outcome.Reason!)
                : OcmResults.Json(v2 ? Plan(outcome.Value) : Policy(outcome.Value), outcome.Status);
        });
    }

    private static IResult Delete(HttpContext ctx, SimWorld world, string id, string pid) =>
        WithCluster(ctx, world, id, c =>
        {
            var outcome = world.DeleteAddonPolicy(c, pid);
            return outcome.Value is null ? OcmResults.Error(ctx, world, outcome.Status, outcome.Reason!) : Results.NoContent();
        });

    private static List<SimAddonPolicy> PoliciesOf(SimWorld world, SimCluster cluster) =>
        [.. world.AddonPolicies.Where(p => p.ClusterId == cluster.Id)];

    private static JsonObject Catalog(string root, KeyValuePair<string, string> addon) => new()
    {
        ["kind"] = "Addon",
        ["id"] = addon.Key,
        ["href"] = $"{root}/addons/{addon.Key}",
        ["name"] = addon.Key,
        ["enabled"] = true,
        ["version"] = new JsonObject { ["kind"] = "AddonVersion", ["id"] = addon.Value },
    };

    private static JsonObject Installed(string root, SimCluster cluster, SimInstalledAddon addon) => new()
    {
        ["kind"] = "AddOnInstallation",
        ["id"] = addon.Id,
        ["href"] = $"{root}/clusters/{cluster.Id}/addons/{addon.Id}",
        ["addon"] = new JsonObject { ["kind"] = "AddOnLink", ["id"] = addon.Id, ["href"] = $"{root}/addons/{addon.Id}" },
        ["state"] = addon.State,
        ["addon_version"] = new JsonObject { ["kind"] = "AddOnVersionLink", ["id"] = addon.Version },
    };

    /// <summary>A v2 upgrade plan: <c>type</c>, the state inline.</summary>
    private static JsonObject Plan(SimAddonPolicy p) => new()
    {
        ["kind"] = "AddonUpgradePlan",
        ["id"] = p.Id,
        ["href"] = $"{AddonsApi}/clusters/{p.ClusterId}/upgrade_plans/{p.Id}",
        ["addon_id"] = p.AddonId,
        ["cluster_id"] = p.ClusterId,
        ["type"] = p.ScheduleType,
        ["version"] = p.Version,
        ["next_run"] = OcmJson.Time(p.NextRun),
        ["state"] = p.State,
    };

    /// <summary>A v1 add-on upgrade policy: <c>schedule_type</c>, the state on its /state sub-resource.</summary>
    private static JsonObject Policy(SimAddonPolicy p) => new()
    {
        ["kind"] = "AddonUpgradePolicy",
        ["id"] = p.Id,
        ["href"] = $"{ClustersApi}/clusters/{p.ClusterId}/addon_upgrade_policies/{p.Id}",
        ["addon_id"] = p.AddonId,
        ["cluster_id"] = p.ClusterId,
        ["schedule_type"] = p.ScheduleType,
        ["upgrade_type"] = "ADDON",
        ["version"] = p.Version,
        ["next_run"] = OcmJson.Time(p.NextRun),
    };

    private static IResult WithCluster(HttpContext ctx, SimWorld world, string id, Func<SimCluster, IResult> action)
    {
        lock (world.Sync)
        {
            var cluster = world.FindCluster(id);
            return cluster is null ? OcmResults.NotFound(ctx, world, "Cluster", id) : action(cluster);
        }
    }
}
