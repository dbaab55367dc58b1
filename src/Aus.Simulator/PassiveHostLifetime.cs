using Microsoft.Extensions.Hosting;

namespace Aus.Simulator;

/// <summary>A host lifetime that installs no signal handlers: whoever started the simulator stops it.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
