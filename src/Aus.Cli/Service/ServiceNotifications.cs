using System.Collections.Immutable;
using Aus.Application.Notifications;
using Aus.Application.Reconcile;
using Aus.Domain.Fleet;
using Aus.Integrations.Settings;
using Aus.Storage;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Service;

/// <summary>
/// The notifications of `aus run` and `aus serve`: one <see cref="Notifier"/> per OCM environment
/// with <c>notifications</c> (its sinks), all on one delivery ledger. A pass hands its
/// notifications over (<see cref="Notify"/>) and goes on: delivery runs in the background, and a
/// sink that fails or hangs never holds up or fails a pass.
/// </summary>
internal sealed partial class ServiceNotifications : IAsyncDisposable
{
    /// <summary>How long `aus run` and `aus serve` wait for queued notifications before they exit.</summary>
    public static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly ImmutableArray<(OcmEnvironmentSettings Environment, Notifier Notifier)> _notifiers;
    private readonly ILogger _logger;

    private ServiceNotifications(HttpClient http, ImmutableArray<(OcmEnvironmentSettings, Notifier)> notifiers, ILogger logger)
    {
        _http = http;
        _notifiers = notifiers;
        _logger = logger;
    }

    /// <summary>The sinks of every environment, for the start-up line.</summary>
    public int Sinks { get; private init; }

    /// <summary>
    /// The notifiers of the environments with sinks, or null when none has any. A sink that cannot
    /// be built (an unusable URL, a destination listed twice) is added to <paramref name="errors"/>.
    /// </summary>
    /// <param name="ledger">The delivery records (the store's, shared by replicas).</param>
    /// <param name="observe">Told what became of each notification at each sink (metrics); called from background workers.</param>
    public static ServiceNotifications? Create(
        IReadOnlyList<OcmEnvironmentSettings> environments,
        INotificationLedger ledger,
        NotifierOptions options,
        TimeProvider time,
        ILogger logger,
        Action<NotificationOutcome>? observe,
        ICollection<string> errors,
        Func<string, string?>? getVariable = null)
    {
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentNullException.ThrowIfNull(errors);
        if (environments.All(e => e.Integrations.Notifications.IsEmpty))
        {
            return null;
        }

        // No redirects: a sink's URL may carry a secret (a Slack incoming webhook), which must not go to another origin.
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var notifiers = ImmutableArray.CreateBuilder<(OcmEnvironmentSettings, Notifier)>();
        var sinks = 0;
        foreach (var environment in environments.Where(e => !e.Integrations.Notifications.IsEmpty))
        {
            var name = environment.Name?.Value ?? "(default)";
            var built = IntegrationFactory.Sinks(environment.Integrations, http, getVariable ?? Environment.GetEnvironmentVariable, File.ReadAllText, $"environment {name}", errors);
            sinks += built.Length;
            notifiers.Add((environment, new Notifier(built, ledger, options, time, outcome => Observe(logger, observe, outcome))));
        }

        return new ServiceNotifications(http, notifiers.ToImmutable(), logger) { Sinks = sinks };
    }

    /// <summary>
    /// Builds every environment's sinks and throws them away, to report at start-up, before the
    /// store is opened, what <see cref="Create"/> would: a Slack URL that is not one, a
    /// destination listed twice. Sends nothing.
    /// </summary>
    public static void Check(IReadOnlyList<OcmEnvironmentSettings> environments, ICollection<string> errors, Func<string, string?>? getVariable = null)
    {
        ArgumentNullException.ThrowIfNull(environments);
        using var http = new HttpClient();
        foreach (var environment in environments.Where(e => !e.Integrations.Notifications.IsEmpty))
        {
            _ = IntegrationFactory.Sinks(environment.Integrations, http, getVariable ?? Environment.GetEnvironmentVariable, File.ReadAllText, $"environment {environment.Name?.Value ?? "(default)"}", errors);
        }
    }

    /// <summary>
    /// The notifications of `aus run` or `aus serve`, on the store's delivery records (in memory for
    /// a dry run or without a store); null when no environment has sinks. A sink that cannot be
    /// built is printed and gives <c>Ok</c> false.
    /// </summary>
    public static async Task<(ServiceNotifications? Notifications, bool Ok)> ForServiceAsync(
        ServiceSettings settings, IStateStore? store, AusMetrics metrics, TimeProvider time, ILoggerFactory loggers, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(stderr);
        INotificationLedger ledger = store is null || settings.DryRun ? new InMemoryNotificationLedger() : StateStore.NotificationLedger(store);
        var errors = new List<string>();
        var notifications = Create(
            settings.Environments, ledger, new NotifierOptions { DryRun = settings.DryRun }, time, loggers.CreateLogger("aus.notifications"), metrics.Notification, errors);
        if (errors.Count == 0)
        {
            return (notifications, true);
        }

        foreach (var error in errors)
        {
            await stderr.WriteLineAsync($"aus: error: {error}");
        }

        if (notifications is not null)
        {
            await notifications.DisposeAsync();
        }

        return (null, false);
    }

    /// <summary>Hands the notifications of one environment's pass to its sinks; never throws, never waits.</summary>
    public void Notify(EnvironmentName environment, PassReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notifier = _notifiers.FirstOrDefault(n => n.Environment.Serves(environment)).Notifier;
        if (notifier is null)
        {
            return;
        }

        try
        {
            notifier.Enqueue(PassNotifications.Of(report));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect in making the notifications must not fail the pass that already acted.
            LogNotifyFailed(_logger, environment.Value, e.Message);
        }
    }

    /// <summary>Waits for the queued notifications, at most <paramref name="bound"/>; false when some were still queued.</summary>
    public async Task<bool> DrainAsync(TimeSpan bound)
    {
        var drained = await Task.WhenAll(_notifiers.Select(n => n.Notifier.DrainAsync(bound)));
        return drained.All(d => d);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, notifier) in _notifiers)
        {
            await notifier.DisposeAsync();
        }

        _http.Dispose();
    }

    private static void Observe(ILogger logger, Action<NotificationOutcome>? observe, NotificationOutcome outcome)
    {
        var notification = outcome.Notification;
        var what = notification.Event.Name();
        var about = notification.Cluster is { } cluster ? $"organization {notification.OrganizationId} cluster {cluster}" : $"organization {notification.OrganizationId}";
        var version = notification.Version ?? string.Empty;
        switch (outcome.Result)
        {
            case NotificationResult.Delivered when outcome.Error is not null:
                LogDeliveredUnrecorded(logger, what, about, version, outcome.Sink, outcome.Error);
                break;
            case NotificationResult.Delivered:
                LogDelivered(logger, what, about, version, outcome.Sink, outcome.Attempts);
                break;
            case NotificationResult.Failed:
                LogFailed(logger, what, about, version, outcome.Sink, outcome.Attempts, outcome.Error ?? string.Empty);
                break;
            case NotificationResult.Dropped:
                LogDropped(logger, what, about, version, outcome.Sink, outcome.Error ?? string.Empty);
                break;
            case NotificationResult.DryRun:
                LogDryRun(logger, what, about, version, outcome.Sink);
                break;
            default:
                LogSkipped(logger, what, about, version, outcome.Sink, outcome.Result.ToString());
                break;
        }

        observe?.Invoke(outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "notification {Event} {About} {Version}: delivered to {Sink} (tries: {Attempts})")]
    private static partial void LogDelivered(ILogger logger, string @event, string about, string version, string sink, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "notification {Event} {About} {Version}: delivered to {Sink}, but {Error}")]
    private static partial void LogDeliveredUnrecorded(ILogger logger, string @event, string about, string version, string sink, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "notification {Event} {About} {Version}: {Sink} failed {Attempts} tries, the last: {Error}; a later pass that sees the event again tries again")]
    private static partial void LogFailed(ILogger logger, string @event, string about, string version, string sink, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "notification {Event} {About} {Version}: not sent to {Sink}: {Error}")]
    private static partial void LogDropped(ILogger logger, string @event, string about, string version, string sink, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry run: notification {Event} {About} {Version} would go to {Sink}")]
    private static partial void LogDryRun(ILogger logger, string @event, string about, string version, string sink);

    [LoggerMessage(Level = LogLevel.Debug, Message = "notification {Event} {About} {Version}: nothing sent to {Sink} ({Result})")]
    private static partial void LogSkipped(ILogger logger, string @event, string about, string version, string sink, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "environment {Environment}: the pass's notifications could not be made: {Error}")]
    private static partial void LogNotifyFailed(ILogger logger, string environment, string error);
}
