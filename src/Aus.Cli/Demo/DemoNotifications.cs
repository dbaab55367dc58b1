using Aus.Application.Notifications;
using Aus.Application.Reconcile;
using Aus.Integrations.Notifications;
using Aus.Storage;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Demo;

/// <summary>
/// `aus demo --notify-url`: the demo's notifications posted to a webhook as CloudEvents, through
/// the same notifier and delivery records as `aus serve`, in the background of the passes.
/// </summary>
internal sealed partial class DemoNotifications : IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly Notifier _notifier;
    private readonly ILogger _logger;
    private int _delivered;
    private int _notDelivered;
    private bool _finished;

    private DemoNotifications(Uri url, IStateStore store, ILogger logger)
    {
        _logger = logger;

        // Real time, whatever clock drives the demo: retries and timeouts are about the receiver.
        _notifier = new Notifier([new WebhookSink(_http, new WebhookTarget(url, null))], StateStore.NotificationLedger(store), new NotifierOptions(), TimeProvider.System, Observe);
    }

    /// <summary>The demo's notifications, or null without a URL.</summary>
    public static DemoNotifications? Start(Uri? url, IStateStore store, ILogger logger) =>
        url is null ? null : new DemoNotifications(url, store, logger);

    public void Notify(PassReport report) => _notifier.Enqueue(PassNotifications.Of(report));

    /// <summary>Waits a little for what is queued, and says how many were delivered and how many not.</summary>
    public async Task<(int Delivered, int NotDelivered)> FinishAsync()
    {
        await _notifier.DrainAsync(Service.ServiceNotifications.DrainBound);
        await _notifier.DisposeAsync();
        _finished = true;
        return (Volatile.Read(ref _delivered), Volatile.Read(ref _notDelivered));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await _notifier.DisposeAsync();
        }

        _http.Dispose();
    }

    private void Observe(NotificationOutcome outcome)
    {
        switch (outcome.Result)
        {
            case NotificationResult.Delivered:
                Interlocked.Increment(ref _delivered);
                break;
            case NotificationResult.Failed or NotificationResult.Dropped:
                Interlocked.Increment(ref _notDelivered);
                LogNotDelivered(_logger, outcome.Notification.Event.Name(), outcome.Sink, outcome.Error ?? string.Empty);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "notification {Event}: not delivered to {Sink}: {Error}")]
    private static partial void LogNotDelivered(ILogger logger, string @event, string sink, string error);
}
