using Aus.Application.Ports;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Microsoft.Extensions.Logging;

namespace Aus.Application.Reconcile;

/// <summary>
/// Tells cluster owners about validation errors through service logs: one log per cluster with
/// errors, the organization's errors to every valid cluster, each at most once a day. A log already
/// sent is known from the store's records, else from the service log itself (another replica or an
/// earlier store may have sent it). Best effort: a failure is logged and the pass goes on.
/// </summary>
public sealed partial class ValidationFeedback(IServiceLogSink logs, IPassStore store, ILogger logger)
{
    public const string ClusterSummary = "Cluster upgrade policy validation errors";
    public const string OrganizationSummary = "AUS configuration error on organization";

    /// <summary>The same log goes to the same cluster at most once in this window.</summary>
    public static readonly TimeSpan DedupWindow = TimeSpan.FromDays(1);

    /// <summary>The logs the plan's errors call for, given the clusters the fleet showed.</summary>
    public static IReadOnlyList<(string Cluster, ServiceLog Log)> LogsFor(OrganizationPlan plan, FleetOrganization? clusters)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Errors.IsEmpty || clusters is null)
        {
            return [];
        }

        var byId = new Dictionary<ClusterId, OcmCluster>();
        var byName = new Dictionary<string, OcmCluster>(StringComparer.Ordinal);
        foreach (var cluster in clusters.Clusters)
        {
            byId.TryAdd(cluster.Id, cluster);
            byName.TryAdd(cluster.Name, cluster);
        }

        // The planner gave every error about a cluster OCM knows that cluster's id.
        var logs = new List<(string, ServiceLog)>();
        var withErrors = plan.Errors.Where(e => e.Cluster is not null).GroupBy(e => e.Cluster!, StringComparer.Ordinal).ToList();
        foreach (var group in withErrors)
        {
            if (group.Select(e => e.ClusterId).FirstOrDefault(id => id is not null) is { } id && byId.TryGetValue(id, out var cluster))
            {
                logs.Add((group.Key, new ServiceLog(cluster.ExternalId, ClusterSummary, string.Join('\n', group.Select(e => "- " + e.Message)))));
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
                    logs.Add((decision.Name, new ServiceLog(cluster.ExternalId, OrganizationSummary, description)));
                }
            }
        }

        return logs;
    }

    /// <summary>Sends what the plan's errors call for and was not sent in the last day; returns how many logs were posted.</summary>
    public async Task<int> SendAsync(OrganizationPlan plan, FleetOrganization? clusters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var (name, log) in LogsFor(plan, clusters))
        {
            try
            {
                if (await AlreadySentAsync(log, now, cancellationToken) || !await logs.PostAsync(log, cancellationToken))
                {
                    continue;
                }

                await store.RecordServiceLogAsync(log, now, cancellationToken);
                LogSent(plan.OrgId, name, log.ClusterUuid, log.Summary);
                sent++;
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // Feedback is best effort: the errors are in the log and the metrics either way.
                LogSendFailed(plan.OrgId, name, log.ClusterUuid, e.Message);
            }
        }

        return sent;
    }

    private async Task<bool> AlreadySentAsync(ServiceLog log, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - DedupWindow;
        if (await store.HasServiceLogSinceAsync(log, since, cancellationToken))
        {
            return true;
        }

        if (await logs.FindSentSinceAsync(log, since, cancellationToken) is not { } sentAt)
        {
            return false;
        }

        // Remember it, so the next pass does not have to ask again.
        await store.RecordServiceLogAsync(log, sentAt, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "organization {OrgId} cluster {Cluster} ({ClusterUuid}): service log sent: {Summary}")]
    private partial void LogSent(OrganizationId orgId, string cluster, string clusterUuid, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "organization {OrgId} cluster {Cluster} ({ClusterUuid}): sending the validation service log failed: {Error}")]
    private partial void LogSendFailed(OrganizationId orgId, string cluster, string clusterUuid, string error);
}
