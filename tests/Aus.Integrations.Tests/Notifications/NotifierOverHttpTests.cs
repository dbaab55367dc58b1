using System.Collections.Concurrent;
using Aus.Application.Notifications;
using Aus.Integrations.Notifications;

namespace Aus.Integrations.Tests.Notifications;

/// <summary>The notifier with real HTTP sinks: a broken receiver costs its own bounded tries and nothing else.</summary>
public sealed class NotifierOverHttpTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer good = new();
    private readonly LoopbackHttpServer broken = new();
    private readonly HttpClient client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentQueue<NotificationOutcome> outcomes = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        client.Dispose();
        await good.DisposeAsync();
        await broken.DisposeAsync();
    }

    private Notifier NewNotifier(int attempts, TimeSpan attemptTimeout) => new(
        [new WebhookSink(client, new WebhookTarget(new Uri(broken.Url, "broken"), null)), new WebhookSink(client, new WebhookTarget(new Uri(good.Url, "good"), "s"))],
        new InMemoryNotificationLedger(),
        new NotifierOptions { Attempts = attempts, FirstRetryDelay = TimeSpan.Zero, AttemptTimeout = attemptTimeout },
        TimeProvider.System,
        outcomes.Enqueue);

    [Fact]
    public async Task ReceiverAnswering500_IsRetried_ThenGivenUp_WhileTheOtherReceiverGetsEverything()
    {
        broken.Respond = (_, _) => Task.FromResult((500, "down"));
        await using var notifier = NewNotifier(attempts: 3, TimeSpan.FromMinutes(1));

        notifier.Enqueue([Notifications.Of(NotificationEvent.UpgradeScheduled), Notifications.Of(NotificationEvent.UpgradeStarted)]);
        (await notifier.DrainAsync(TimeSpan.FromMinutes(1))).ShouldBeTrue();

        good.Requests.Count.ShouldBe(2);
        broken.Requests.Count.ShouldBe(6);
        outcomes.Where(o => o.Sink.EndsWith("/broken", StringComparison.Ordinal)).ShouldAllBe(o => o.Result == NotificationResult.Failed && o.Error!.EndsWith("answered HTTP 500: down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HangingReceiver_CostsOnlyItsBoundedTries()
    {
        broken.Respond = async (_, stop) =>
        {
            await Task.Delay(Timeout.Infinite, stop);
            return (200, string.Empty);
        };
        // The bound applies to the answering receiver too, whose first request pays for a cold start
        // (JIT, first connection) while other test assemblies run: long enough that it still answers in one try.
        await using var notifier = NewNotifier(attempts: 2, TimeSpan.FromSeconds(5));

        notifier.Enqueue([Notifications.Of(NotificationEvent.UpgradeStarted)]);
        (await notifier.DrainAsync(TimeSpan.FromMinutes(1))).ShouldBeTrue();

        good.Requests.Count.ShouldBe(1);
        var hung = outcomes.Single(o => o.Sink.EndsWith("/broken", StringComparison.Ordinal));
        hung.Result.ShouldBe(NotificationResult.Failed);
        hung.Error.ShouldBe("no answer within 5 s");
    }
}
