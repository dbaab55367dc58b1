using Aus.Simulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aus.Simulator.Http;

/// <summary>service_logs: cluster logs, listed (newest first, as OCM does) and posted.</summary>
internal static class ServiceLogsEndpoints
{
    private const string Api = OcmJson.ServiceLogsApi;

    private static readonly string[] Severities = ["Critical", "Debug", "Error", "Fatal", "Important", "Info", "Low", "Major", "Moderate", "Warning"];

    /// <summary>The log types OCM's model allows; a log posted without one has none.</summary>
    private static readonly string[] LogTypes = ["clustercreate-details", "clustercreate-high-level", "clusterremove-details", "clusterremove-high-level", "cluster-state-updates"];

    private static readonly Dictionary<string, Func<SimLogEntry, string?>> LogFields = new(StringComparer.Ordinal)
    {
        ["id"] = e => e.Id,
        ["cluster_uuid"] = e => e.ClusterUuid,
        ["cluster_id"] = e => e.ClusterId,
        ["subscription_id"] = e => e.SubscriptionId,
        ["created_at"] = e => OcmJson.Time(e.CreatedAt),
        ["timestamp"] = e => OcmJson.Time(e.CreatedAt),
        ["service_name"] = e => e.ServiceName,
        ["summary"] = e => e.Summary,
        ["description"] = e => e.Description,
        ["severity"] = e => e.Severity,
        ["log_type"] = e => e.LogType,
        ["username"] = e => e.Username,
        ["internal_only"] = e => e.InternalOnly ? "true" : "false",
    };

    public static void Map(IEndpointRouteBuilder app, SimWorld world)
    {
        // clusters/cluster_logs lists one cluster's logs (cluster_uuid or cluster_id), which any user may read;
        // the global cluster_logs needs the right to see private logs in OCM. Both are in OCM's model.
        app.MapGet($"{Api}/clusters/cluster_logs", (HttpContext ctx) => List(ctx, world));
        app.MapGet($"{Api}/cluster_logs", (HttpContext ctx) => List(ctx, world));

        app.MapPost($"{Api}/cluster_logs", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            lock (world.Sync)
            {
                if (body is null)
                {
                    return OcmResults.Error(ctx, world, 400, error!);
                }

                var uuid = RequestBody.String(body, "cluster_uuid");
                var clusterId = RequestBody.String(body, "cluster_id");
                var cluster = world.Clusters.Find(c => c.ExternalId == uuid || (clusterId is not null && c.Id == clusterId));
                if (cluster is null)
                {
                    return OcmResults.Error(ctx, world, 400, $"No cluster with cluster_uuid '{uuid}' or cluster_id '{clusterId}'");
                }

                var severity = RequestBody.String(body, "severity") ?? "Info";
                if (!Severities.Contains(severity))
                {
                    return OcmResults.Error(ctx, world, 400, $"Severity '{severity}' is not one of {string.Join(", ", Severities)}");
                }

                var logType = RequestBody.String(body, "log_type");
                if (logType is not null && !LogTypes.Contains(logType))
                {
                    return OcmResults.Error(ctx, world, 400, $"Log type '{logType}' is not one of {string.Join(", ", LogTypes)}");
                }

                var serviceName = RequestBody.String(body, "service_name");
                var summary = RequestBody.String(body, "summary");
                if (string.IsNullOrEmpty(serviceName) || string.IsNullOrEmpty(summary))
                {
                    return OcmResults.Error(ctx, world, 400, "Attributes 'service_name' and 'summary' are required");
                }

                var entry = new SimLogEntry
                {
                    Id = world.NextId("log-"),
                    ClusterUuid = cluster.ExternalId,
                    ClusterId = cluster.Id,
                    SubscriptionId = cluster.SubscriptionId,
                    ServiceName = serviceName,
                    Summary = summary,
                    Description = RequestBody.String(body, "description") ?? string.Empty,
                    Severity = severity,
                    InternalOnly = body["internal_only"]?.GetValueKind() == System.Text.Json.JsonValueKind.True,
                    LogType = logType,
                    CreatedAt = world.Now,
                };
                world.Logs.Add(entry);
                return OcmResults.Json(OcmJson.LogEntry(entry), 201);
            }
        });
    }

    private static IResult List(HttpContext ctx, SimWorld world)
    {
        lock (world.Sync)
        {
            var uuid = ctx.Request.Query["cluster_uuid"].ToString();
            var clusterId = ctx.Request.Query["cluster_id"].ToString();
            var logs = world.Logs.AsEnumerable().Reverse()
                .Where(e => (uuid.Length == 0 || e.ClusterUuid == uuid) && (clusterId.Length == 0 || e.ClusterId == clusterId));
            return OcmResults.List(ctx, world, "ClusterLog", logs, OcmJson.LogEntry, LogFields);
        }
    }
}
