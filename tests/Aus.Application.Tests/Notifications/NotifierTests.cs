using System.Collections.Concurrent;
using Aus.Application.Notifications;
using static Aus.TestKit.Build;
using Aus.Domain.Fleet;

namespace Aus.Application.Tests.Notifications;

/// <summary>Delivery: once per sink through the ledger, retries, bounds, and a pass that never waits.</summary>
public sealed class NotifierTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private static readonly NotifierOptions Quick = new() { FirstRetryDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromMinutes(1) };

    private readonly InMemoryNotificationLedger ledger = new();
    private readonly ConcurrentQueue<NotificationOutcome> outcomes = new();

    private static Notification Event(NotificationEvent kind, string cluster = "c1", string version = "4.16.3", string detail = "p-1") => new()
    {
        Event = kind,
        Environment = new EnvironmentName("production"),
        OrganizationId = new OrganizationId("org-1"),
        OrganizationName = "my-org",
        Cluster = cluster,
        Version = version,
        ObservedAt = Now,
        Key = new NotificationKey(new EnvironmentName("production"), new OrganizationId("org-1"), cluster, kind.Name(), version, detail),
    };

    private Notifier NewNotifier(NotifierOptions options, params INotificationSink[] sinks) =>
        new(sinks, ledger, options, TimeProvider.System, outcomes.Enqueue);

    [Fact]
    public async Task SameNotification_FromTwoPasses_IsDeliveredOnce()
    {
        var sink = new RecordingSink("hook");
        await using var notifier = NewNotifier(Quick, sink);

        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();
        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();

        sink.Received.Select(n => n.Event).ShouldBe([NotificationEvent.UpgradeStarted]);
        outcomes.Select(o => o.Result).ShouldBe([NotificationResult.Delivered, NotificationResult.AlreadyClaimed]);
    }

    [Fact]
    public async Task EachSink_HasItsOwnRecord()
    {
        var slack = new RecordingSink("slack");
        var hook = new RecordingSink("hook");
        await using var notifier = NewNotifier(Quick, slack, hook);

        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();

        slack.Received.Count.ShouldBe(1);
        hook.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task UpgradeCompleted_IsSentOnlyForAnUpgradeThatWasAnnounced()
    {
        var sink = new RecordingSink("hook");
        await using var notifier = NewNotifier(Quick, sink);

        notifier.Enqueue([Event(NotificationEvent.UpgradeCompleted, version: "4.16.2", detail: "")]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();
        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted), Event(NotificationEvent.UpgradeCompleted, detail: "")]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();

        sink.Received.Select(n => (n.Event, n.Version)).ShouldBe([(NotificationEvent.UpgradeStarted, "4.16.3"), (NotificationEvent.UpgradeCompleted, "4.16.3")]);
        outcomes.First().Result.ShouldBe(NotificationResult.NotAnnounced);
    }

    [Fact]
    public async Task FailingSink_IsRetried_UntilItAccepts()
    {
        var sink = new RecordingSink("hook") { FailuresBeforeSuccess = 2 };
        await using var notifier = NewNotifier(Quick, sink);

        notifier.Enqueue([Event(NotificationEvent.UpgradeFailed)]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();

        outcomes.Single().ShouldSatisfyAllConditions(
            o => o.Result.ShouldBe(NotificationResult.Delivered),
            o => o.Attempts.ShouldBe(3));
        ledger.Delivered.ShouldBe([("hook", Event(NotificationEvent.UpgradeFailed).Key)]);
    }

    [Fact]
    public async Task SinkThatAlwaysFails_GivesUpAfterItsAttempts_AndReleasesTheClaimForALaterPass()
    {
        var sink = new RecordingSink("hook") { FailuresBeforeSuccess = int.MaxValue };
        await using var notifier = NewNotifier(Quick with { Attempts = 3 }, sink);

        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();

        var outcome = outcomes.Single();
        outcome.Result.ShouldBe(NotificationResult.Failed);
        outcome.Attempts.ShouldBe(3);
        outcome.Error.ShouldBe("HTTP 500");
        (await ledger.TryClaimAsync("hook", outcome.Notification.Key, Now, CancellationToken.None)).ShouldBeTrue("the failed delivery's claim was released");
    }

    [Fact]
    public async Task HangingSink_NeitherBlocksThePass_NorTheOtherSinks_AndEachTryIsBounded()
    {
        var hanging = new HangingSink("slack");
        var hook = new RecordingSink("hook");
        await using var notifier = NewNotifier(Quick with { Attempts = 2, AttemptTimeout = TimeSpan.FromMilliseconds(50) }, hanging, hook);

        // Enqueue returns while the hanging sink has not answered: the pass goes on.
        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        hanging.Calls.ShouldBeLessThanOrEqualTo(1);

        (await notifier.DrainAsync(Patience)).ShouldBeTrue();
        hook.Received.Count.ShouldBe(1);
        var slack = outcomes.Single(o => o.Sink == "slack");
        slack.Result.ShouldBe(NotificationResult.Failed);
        slack.Error.ShouldBe("no answer within 0.1 s");
        hanging.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task DryRun_ClaimsAndSendsNothing()
    {
        var sink = new RecordingSink("hook");
        await using var notifier = NewNotifier(Quick with { DryRun = true }, sink);

        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();

        sink.Received.ShouldBeEmpty();
        outcomes.Single().Result.ShouldBe(NotificationResult.DryRun);
        (await ledger.TryClaimAsync("hook", Event(NotificationEvent.UpgradeStarted).Key, Now, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task FullQueue_DropsAndReports_RatherThanWaiting()
    {
        var hanging = new HangingSink("slack");
        await using var notifier = NewNotifier(Quick with { QueueCapacity = 1 }, hanging);

        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted, "c1"), Event(NotificationEvent.UpgradeStarted, "c2"), Event(NotificationEvent.UpgradeStarted, "c3")]);

        // The worker holds at most one and the queue one more; the rest are dropped at once.
        outcomes.Count(o => o.Result == NotificationResult.Dropped).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task SentNotification_WhoseRecordCannotBeMarked_IsNotSentAgain()
    {
        var sink = new RecordingSink("hook");
        var flaky = new UnmarkableLedger();
        await using var notifier = new Notifier([sink], flaky, Quick, TimeProvider.System, outcomes.Enqueue);

        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        (await notifier.DrainAsync(Patience)).ShouldBeTrue();

        sink.Received.Count.ShouldBe(1);
        var outcome = outcomes.Single();
        outcome.Result.ShouldBe(NotificationResult.Delivered);
        outcome.Error.ShouldBe("sent, but not marked delivered: database gone");
    }

    [Fact]
    public async Task StoppingBetweenTries_GivesTheClaimBack()
    {
        var sink = new RecordingSink("hook") { FailuresBeforeSuccess = int.MaxValue };
        var notifier = NewNotifier(Quick with { FirstRetryDelay = TimeSpan.FromHours(1) }, sink);

        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        await sink.FirstCall.Task.WaitAsync(Patience);
        await notifier.DisposeAsync();

        outcomes.Single().Result.ShouldBe(NotificationResult.Dropped);
        (await ledger.TryClaimAsync("hook", Event(NotificationEvent.UpgradeStarted).Key, Now, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task StoppingWhileATryIsInFlight_KeepsTheClaim_AtMostOnce()
    {
        var hanging = new HangingSink("slack");
        var notifier = NewNotifier(Quick, hanging);

        notifier.Enqueue([Event(NotificationEvent.UpgradeStarted)]);
        await hanging.FirstCall.Task.WaitAsync(Patience);
        await notifier.DisposeAsync();

        outcomes.Single().Result.ShouldBe(NotificationResult.Dropped);
        (await ledger.TryClaimAsync("slack", Event(NotificationEvent.UpgradeStarted).Key, Now, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public void TwoSinksWithOneName_AreRefused()
    {
        Should.Throw<ArgumentException>(() => NewNotifier(Quick, new RecordingSink("hook"), new RecordingSink("hook")))
            .Message.ShouldContain("two notification sinks are named 'hook'");
    }

    private sealed class RecordingSink(string name) : INotificationSink
    {
        private int calls;

        public string Name => name;

        public int FailuresBeforeSuccess { get; init; }

        public ConcurrentQueue<Notification> Received { get; } = new();

        public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            FirstCall.TrySetResult();
            if (Interlocked.Increment(ref calls) <= FailuresBeforeSuccess)
            {
                throw new InvalidOperationException("HTTP 500");
            }

            Received.Enqueue(notification);
            return Task.CompletedTask;
        }
    }

    private sealed class HangingSink(string name) : INotificationSink
    {
        private int calls;

        public string Name => name;

        public int Calls => Volatile.Read(ref calls);

        public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            FirstCall.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    /// <summary>Claims work; marking delivered fails, as a database that went away after the send would.</summary>
    private sealed class UnmarkableLedger : INotificationLedger
    {
        private readonly InMemoryNotificationLedger inner = new();

        public Task<bool> TryClaimAsync(string sink, NotificationKey key, DateTimeOffset claimedAt, CancellationToken cancellationToken) =>
            inner.TryClaimAsync(sink, key, claimedAt, cancellationToken);

        public Task MarkDeliveredAsync(string sink, NotificationKey key, DateTimeOffset deliveredAt, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database gone");

        public Task ReleaseAsync(string sink, NotificationKey key, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(sink, key, cancellationToken);

        public Task<bool> HasAnnouncedUpgradeAsync(string sink, EnvironmentName environment, OrganizationId organizationId, string cluster, string version, CancellationToken cancellationToken) =>
            inner.HasAnnouncedUpgradeAsync(sink, environment, organizationId, cluster, version, cancellationToken);
    }
}
