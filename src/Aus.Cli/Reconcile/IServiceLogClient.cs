using System.Collections.Immutable;
using Aus.Ocm;

namespace Aus.Cli.Reconcile;

/// <summary>The service-log calls validation feedback makes (OCM's service_logs API).</summary>
internal interface IServiceLogClient
{
    Task<ImmutableArray<ServiceLogEntry>> SearchServiceLogsAsync(ServiceLogQuery query, CancellationToken cancellationToken);

    Task<ServiceLogEntry> CreateServiceLogAsync(ServiceLogEntry entry, CancellationToken cancellationToken);
}
