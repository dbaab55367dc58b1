using Microsoft.Extensions.Hosting;

namespace Aus.Cli.Service;

/// <summary>A host lifetime that leaves signals alone: for services hosted inside another process (tests, the demo).</summary>
internal sealed class NoSignalsLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
