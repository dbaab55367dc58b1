using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Ocm;
using Aus.Storage;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Reconcile;

/// <summary>
/// Tells cluster owners about validation errors through OCM service logs (reference-behaviour.md
/// section 14): one log per cluster with errors, the organization's errors to every valid cluster,
/// each at most once a day. A log already sent is known from the store's records, else from a
/// search in OCM (another replica or an earlier store may have sent it). Never called in a dry run.
/// </summary>
internal sealed partial class ValidationFeedback(IServiceLogClient logs, IStateStore? store, ILogger logger)
{
    public const string Severity = "Moderate";
    public const string ClusterSummary = "Cluster upgrade policy validation errors";
    public const string OrganizationSummary = "AUS configuration error on organization";

    private static readonly TimeSpan DedupWindow = TimeSpan.FromDays(1);

    /// <summary>Sends what the plan's errors call for; returns how many logs were posted.</summary>
    public async Task<int> SendAsync(OrganizationPlan plan, FleetOrganization? clusters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (plan.Errors.IsEmpty || clusters is null)
        {
            return 0;
        }

        var byName = new Dictionary<string, OcmCluster>(StringComparer.Ordinal);
        foreach (var cluster in clusters.Clusters)
        {
            byName.TryAdd(cluster.Name, cluster);
        }

        var messages = new List<(string ClusterName, string ClusterUuid, string Summary, string Description)>();
        var withErrors = plan.Errors.Where(e => e.Cluster is not null).GroupBy(e => e.Cluster!, StringComparer.Ordinal).ToList();
        foreach (var group in withErrors)
        {
            if (byName.TryGetValue(group.Key, out var cluster))
            {
                messages.Add((group.Key, cluster.ExternalId, ClusterSummary, string.Join('\n', group.Select(e => "- " + e.Message))));
            }
        }

        var organizationErrors = plan.Errors.Where(e => e.Cluster is null).Select(e => e.Message).ToList();
        if (organizationErrors.Count > 0)
        {
            var description = string.Join('\n', organizationErrors);
            var invalid = withErrors.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var decision in plan.Clusters.Where(c => !invalid.Contains(c.Name)))
            {
                if (byName.TryGetValue(decision.Name, out var cluster))
                {
                    messages.Add((decision.Name, cluster.ExternalId, OrganizationSummary, description));
                }
            }
        }

        var sent = 0;
        foreach (var (name, uuid, summary, description) in messages)
        {
            try
            {
                if (await AlreadySentAsync(uuid, summary, description, now, cancellationToken))
                {
                    continue;
                }

                await logs.CreateServiceLogAsync(new ServiceLogEntry(uuid, ServiceLogEntry.AusServiceName, summary, description, Severity), cancellationToken);
                if (store is not null)
                {
                    await store.RecordServiceLogAsync(uuid, summary, description, now, cancellationToken);
                }

                LogSent(plan.OrgId, name, uuid, summary);
                sent++;
            }
            catch (Exception e) when (e is OcmApiException or HttpRequestException or System.Data.Common.DbException)
            {
                // Feedback is best effort: the errors are in the log and the metrics either way.
                LogSendFailed(plan.OrgId, name, uuid, e.Message);
            }
        }

        return sent;
    }

    private async Task<bool> AlreadySentAsync(string uuid, string summary, string description, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - DedupWindow;
        if (store is not null && await store.HasServiceLogSinceAsync(uuid, summary, description, since, cancellationToken))
        {
            return true;
        }

        var found = await logs.SearchServiceLogsAsync(
            new ServiceLogQuery(uuid)
            {
                ServiceName = ServiceLogEntry.AusServiceName,
                Summary = summary,
                Description = description,
                Severity = Severity,
                CreatedSince = since,
            },
            cancellationToken);
        if (found.IsEmpty)
        {
            return false;
        }

        // Remember it, so the next pass does not have to ask OCM again.
        if (store is not null)
        {
            await store.RecordServiceLogAsync(uuid, summary, description, found[0].Timestamp ?? now, cancellationToken);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "organization {OrgId} cluster {Cluster} ({ClusterUuid}): service log sent: {Summary}")]
    private partial void LogSent(string orgId, string cluster, string clusterUuid, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "organization {OrgId} cluster {Cluster} ({ClusterUuid}): sending the validation service log failed: {Error}")]
    private partial void LogSendFailed(string orgId, string cluster, string clusterUuid, string error);
}
