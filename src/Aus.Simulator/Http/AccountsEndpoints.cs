using Aus.Simulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aus.Simulator.Http;

/// <summary>accounts_mgmt: subscriptions, organizations and their labels.</summary>
internal static class AccountsEndpoints
{
    private const string Api = OcmJson.AccountsApi;

    private static readonly Dictionary<string, Func<SimCluster, string?>> SubscriptionFields = new(StringComparer.Ordinal)
    {
        ["id"] = c => c.SubscriptionId,
        ["organization_id"] = c => c.OrganizationId,
        ["managed"] = c => c.Managed ? "true" : "false",
        ["status"] = c => c.SubscriptionStatus,
        ["cluster_id"] = c => c.Id,
        ["external_cluster_id"] = c => c.ExternalId,
        ["display_name"] = c => c.Name,
        ["created_at"] = c => OcmJson.Time(c.CreatedAt),
    };

    private static readonly Dictionary<string, Func<SimLabel, string?>> LabelFields = new(StringComparer.Ordinal)
    {
        ["id"] = l => l.Id,
        ["key"] = l => l.Key,
        ["value"] = l => l.Value,
        ["type"] = l => l.Type,
        ["organization_id"] = l => l.OrganizationId,
        ["subscription_id"] = l => l.Type == "Subscription" ? l.SubscriptionId : null,
        ["account_id"] = _ => null,
        ["internal"] = _ => "false",
        ["created_at"] = l => OcmJson.Time(l.CreatedAt),
        ["updated_at"] = l => OcmJson.Time(l.UpdatedAt),
    };

    private static readonly Dictionary<string, Func<SimOrganization, string?>> OrganizationFields = new(StringComparer.Ordinal)
    {
        ["id"] = o => o.Id,
        ["name"] = o => o.Name,
        ["external_id"] = o => o.Id,
        ["created_at"] = o => OcmJson.Time(o.CreatedAt),
    };

    public static void Map(IEndpointRouteBuilder app, SimWorld world)
    {
        app.MapGet($"{Api}/subscriptions", (HttpContext ctx) =>
        {
            lock (world.Sync)
            {
                var (labels, capabilities) = Fetch(ctx);
                return OcmResults.List(
                    ctx, world, "Subscription", world.Clusters, c => OcmJson.Subscription(c, labels ? SubscriptionLabels(world, c.SubscriptionId) : null, capabilities), SubscriptionFields);
            }
        });

        app.MapGet($"{Api}/subscriptions/{{sid}}", (HttpContext ctx, string sid) =>
        {
            lock (world.Sync)
            {
                var (labels, capabilities) = Fetch(ctx);
                return world.FindBySubscription(sid) is { } c
                    ? OcmResults.Json(OcmJson.Subscription(c, labels ? SubscriptionLabels(world, sid) : null, capabilities))
                    : OcmResults.NotFound(ctx, world, "Subscription", sid);
            }
        });

        app.MapGet($"{Api}/labels", (HttpContext ctx) =>
        {
            lock (world.Sync)
            {
                // The labels endpoint takes page, search and size: an order parameter is not part of it.
                return OcmResults.List(ctx, world, "Label", world.Labels, OcmJson.Label, LabelFields, ordered: false);
            }
        });

        app.MapGet($"{Api}/organizations", (HttpContext ctx) =>
        {
            lock (world.Sync)
            {
                var (labels, capabilities) = Fetch(ctx);
                return OcmResults.List(
                    ctx, world, "Organization", world.Organizations, o => OcmJson.Organization(o, labels ? OrganizationLabels(world, o.Id) : null, capabilities), OrganizationFields);
            }
        });

        app.MapGet($"{Api}/organizations/{{oid}}", (HttpContext ctx, string oid) =>
        {
            lock (world.Sync)
            {
                var (labels, capabilities) = Fetch(ctx);
                return world.FindOrganization(oid) is { } o
                    ? OcmResults.Json(OcmJson.Organization(o, labels ? OrganizationLabels(world, oid) : null, capabilities))
                    : OcmResults.NotFound(ctx, world, "Organization", oid);
            }
        });

        MapLabels(
            app,
            world,
            $"{Api}/subscriptions/{{sid}}/labels",
            "sid",
            "Subscription",
            (ctx, owner) => world.FindBySubscription(owner) is { } c ? c.OrganizationId : null,
            (l, owner) => l.Type == "Subscription" && l.SubscriptionId == owner);
        MapLabels(
            app,
            world,
            $"{Api}/organizations/{{oid}}/labels",
            "oid",
            "Organization",
            (ctx, owner) => world.FindOrganization(owner)?.Id,
            (l, owner) => l.Type == "Organization" && l.OrganizationId == owner);
    }

    private static void MapLabels(
        IEndpointRouteBuilder app,
        SimWorld world,
        string route,
        string ownerParameter,
        string type,
        Func<HttpContext, string, string?> organizationOf,
        Func<SimLabel, string, bool> belongs)
    {
        IResult WithOwner(HttpContext ctx, Func<string, string, IResult> action)
        {
            var owner = (string)ctx.GetRouteValue(ownerParameter)!;
            lock (world.Sync)
            {
                var org = organizationOf(ctx, owner);
                return org is null ? OcmResults.NotFound(ctx, world, type, owner) : action(owner, org);
            }
        }

        app.MapGet(route, (HttpContext ctx) =>
            WithOwner(ctx, (owner, _) => OcmResults.List(ctx, world, "Label", world.Labels.Where(l => belongs(l, owner)), OcmJson.Label, LabelFields)));

        app.MapGet($"{route}/{{key}}", (HttpContext ctx, string key) =>
            WithOwner(ctx, (owner, _) => world.Labels.Find(l => belongs(l, owner) && l.Key == key) is { } label
                ? OcmResults.Json(OcmJson.Label(label))
                : OcmResults.NotFound(ctx, world, "Label", key)));

        app.MapPost(route, async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            return WithOwner(ctx, (owner, org) =>
            {
                if (body is null)
                {
                    return OcmResults.Error(ctx, world, 400, error!);
                }

                var key = RequestBody.String(body, "key");
                var value = RequestBody.String(body, "value");
                if (string.IsNullOrEmpty(key) || value is null)
                {
                    return OcmResults.Error(ctx, world, 400, "Attributes 'key' and 'value' are required");
                }

                if (world.Labels.Exists(l => belongs(l, owner) && l.Key == key))
                {
                    return OcmResults.Error(ctx, world, 409, $"Label '{key}' already exists on {type.ToLowerInvariant()} '{owner}'");
                }

                var label = new SimLabel
                {
                    Id = world.NextId("lbl-"),
                    Key = key,
                    Value = value,
                    Type = type,
                    SubscriptionId = type == "Subscription" ? owner : null,
                    OrganizationId = org,
                    CreatedAt = world.Now,
                    UpdatedAt = world.Now,
                };
                world.Labels.Add(label);
                return OcmResults.Json(OcmJson.Label(label), 201);
            });
        });

        app.MapPatch($"{route}/{{key}}", async (HttpContext ctx, string key) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            return WithOwner(ctx, (owner, _) =>
            {
                var label = world.Labels.Find(l => belongs(l, owner) && l.Key == key);
                if (label is null)
                {
                    return OcmResults.NotFound(ctx, world, "Label", key);
                }

                if (body is null)
                {
                    return OcmResults.Error(ctx, world, 400, error!);
                }

                var value = RequestBody.String(body, "value");
                if (value is null)
                {
                    return OcmResults.Error(ctx, world, 400, "Attribute 'value' is required");
                }

                label.Value = value;
                label.UpdatedAt = world.Now;
                return OcmResults.Json(OcmJson.Label(label));
            });
        });

        app.MapDelete($"{route}/{{key}}", (HttpContext ctx, string key) =>
            WithOwner(ctx, (owner, _) =>
            {
                var label = world.Labels.Find(l => belongs(l, owner) && l.Key == key);
                if (label is null)
                {
                    return OcmResults.NotFound(ctx, world, "Label", key);
                }

                world.Labels.Remove(label);
                return Results.NoContent();
            }));
    }

    private static (bool Labels, bool Capabilities) Fetch(HttpContext ctx) =>
        (IsTrue(ctx.Request.Query["fetchLabels"]), IsTrue(ctx.Request.Query["fetchCapabilities"]));

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<SimLabel> SubscriptionLabels(SimWorld world, string subscriptionId) =>
        world.Labels.Where(l => l.Type == "Subscription" && l.SubscriptionId == subscriptionId);

    private static IEnumerable<SimLabel> OrganizationLabels(SimWorld world, string organizationId) =>
        world.Labels.Where(l => l.Type == "Organization" && l.OrganizationId == organizationId);
}
