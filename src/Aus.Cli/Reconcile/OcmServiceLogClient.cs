using System.Collections.Immutable;
using Aus.Ocm;

namespace Aus.Cli.Reconcile;

/// <summary>The OCM client's service-log calls behind <see cref="IServiceLogClient"/>.</summary>
internal sealed class OcmServiceLogClient(OcmClient client) : IServiceLogClient
{
    public Task<ImmutableArray<ServiceLogEntry>> SearchServiceLogsAsync(ServiceLogQuery query, CancellationToken cancellationToken) =>
        client.SearchServiceLogsAsync(query, cancellationToken);

    public Task<ServiceLogEntry> CreateServiceLogAsync(ServiceLogEntry entry, CancellationToken cancellationToken) =>
        client.CreateServiceLogAsync(entry, cancellationToken);
}
