using Aus.Cli.Service;
using Aus.Cli.Tests.Service;
using Aus.Integrations.Settings;
using Aus.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Notifications;

/// <summary>A service of a test bed whose environment sends its notifications to a webhook, as `aus serve` wires it.</summary>
internal sealed class NotifyingService : IAsyncDisposable
{
    private NotifyingService(ReconcileService service, ServiceNotifications notifications)
    {
        Service = service;
        Notifications = notifications;
    }

    public ReconcileService Service { get; }

    public ServiceNotifications Notifications { get; }

    public static ServiceSettings Settings(ServiceTestBed bed, Uri webhook, StateLocation? state = null, bool dryRun = false) => bed.Settings(state) with
    {
        DryRun = dryRun,
        Environments = [new OcmEnvironmentSettings(null, bed.Options()) { Integrations = new IntegrationSettings(null, [new WebhookSettings(webhook, null)]) }],
    };

    public static async Task<NotifyingService> StartAsync(ServiceTestBed bed, IStateStore store, ServiceSettings settings, HttpClient http, bool aligned = false, string owner = "test")
    {
        var service = await bed.ServiceAsync(store, settings, http, aligned, owner);
        var (notifications, ok) = await ServiceNotifications.ForServiceAsync(settings, store, service.Metrics, TimeProvider.System, NullLoggerFactory.Instance, TextWriter.Null);
        ok.ShouldBeTrue();
        service.Notifications = notifications.ShouldNotBeNull();
        return new NotifyingService(service, notifications);
    }

    /// <summary>One pass; then, for the test's bookkeeping only, waits until its notifications are delivered.</summary>
    public async Task<ServicePass> PassAndDeliverAsync()
    {
        var pass = await Service.RunPassAsync(null, CancellationToken.None);
        (await Notifications.DrainAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue("the receiver answers, so everything is delivered");
        return pass;
    }

    public async ValueTask DisposeAsync()
    {
        await Notifications.DisposeAsync();
        Service.Dispose();
    }
}
