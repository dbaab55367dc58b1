using Aus.Application.Ports;

namespace Aus.Application.Reconcile;

/// <summary>Posts nothing and asks nothing: a dry run leaves OCM's service log alone.</summary>
internal sealed class DryRunServiceLogSink : IServiceLogSink
{
    public Task<DateTimeOffset?> FindSentSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(null);

    public Task<bool> PostAsync(ServiceLog log, CancellationToken cancellationToken) => Task.FromResult(false);
}
