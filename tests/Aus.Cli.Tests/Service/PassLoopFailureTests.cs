using Aus.Cli.Service;
using Aus.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Service;

/// <summary>When the pass loop itself dies, the host stops and says why, so `aus serve` exits non-zero and a supervisor restarts it.</summary>
public sealed class PassLoopFailureTests
{
    [Fact]
    public async Task ALoopThatDies_StopsTheHost_WithTheFailure()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State);
        using var service = new ReconcileService(
            settings, _ => Task.FromResult<IReadOnlyList<Application.Inputs.OrganizationConfig>>([]), new StorePassStore(store, "test"), sharedStore: false, new BrokenClock(), TimeProvider.System, NullLoggerFactory.Instance, alignedPasses: false);
        await using var host = await ServiceHost.StartAsync(service, store, TimeProvider.System, NullLoggerFactory.Instance, handleSignals: false, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await host.WaitForShutdownAsync(timeout.Token);

        host.LoopFailure.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("the clock broke");
    }

    [Fact]
    public async Task ALoopThatRuns_HasNoFailure()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State);
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, settings, http);
        await using var host = await ServiceHost.StartAsync(service, store, TimeProvider.System, NullLoggerFactory.Instance, handleSignals: false, CancellationToken.None);
        await ServiceEndpointTests.WaitUntilReadyAsync(http, host.Address);

        await host.StopAsync(CancellationToken.None);

        host.LoopFailure.ShouldBeNull();
    }

    private sealed class BrokenClock : IPassClock
    {
        public Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("the clock broke");
    }
}
