using Aus.Application.Ports;

namespace Aus.Ocm.Ports;

/// <summary>OCM's service_logs API as the application's service-log sink; logs go out under aus's service name.</summary>
public sealed class OcmServiceLogSink(OcmClient client) : IServiceLogSink
{
    public async Task<DateTimeOffset?> FindSentSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var found = await client.SearchServiceLogsAsync(
            new ServiceLogQuery(log.ClusterUuid)
            {
                ServiceName = ServiceLogEntry.AusServiceName,
                Summary = log.Summary,
                Description = log.Description,
                Severity = ServiceLog.Severity,
                CreatedSince = since,
            },
            cancellationToken);

        // A log found without a time counts as sent at the start of the window: remembered, and asked about again soonest.
        return found.IsEmpty ? null : found[0].Timestamp ?? since;
    }

    public async Task<bool> PostAsync(ServiceLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        await client.CreateServiceLogAsync(new ServiceLogEntry(log.ClusterUuid, ServiceLogEntry.AusServiceName, log.Summary, log.Description, ServiceLog.Severity), cancellationToken);
        return true;
    }
}
