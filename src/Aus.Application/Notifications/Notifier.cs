using System.Threading.Channels;

namespace Aus.Application.Notifications;

/// <summary>
/// Delivers notifications in the background, one queue and worker per sink, so a pass only hands
/// them over (<see cref="Enqueue"/>) and never waits for a sink, and a slow sink holds up no other.
/// Each delivery claims the notification in the ledger, then sends it with retries and exponential
/// backoff, each try bounded by <see cref="NotifierOptions.AttemptTimeout"/>.
/// </summary>
public sealed class Notifier : IAsyncDisposable
{
    private readonly INotificationLedger ledger;
    private readonly NotifierOptions options;
    private readonly TimeProvider time;
    private readonly Action<NotificationOutcome> report;
    private readonly List<SinkQueue> queues;
    private readonly CancellationTokenSource stopping = new();

    public Notifier(
        IReadOnlyList<INotificationSink> sinks,
        INotificationLedger ledger,
        NotifierOptions options,
        TimeProvider time,
        Action<NotificationOutcome>? report = null)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Attempts, 1);
        var duplicate = sinks.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two notification sinks are named '{duplicate.Key}'; the names key the delivery records", nameof(sinks));
        }

        this.ledger = ledger;
        this.options = options;
        this.time = time;
        this.report = report ?? (_ => { });
        queues = [.. sinks.Select(s => new SinkQueue(s, options.QueueCapacity))];
        foreach (var queue in queues)
        {
            queue.Worker = Task.Run(() => WorkAsync(queue));
        }
    }

    /// <summary>Hands the pass's notifications to every sink's queue and returns at once.</summary>
    public void Enqueue(IEnumerable<Notification> notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        foreach (var notification in notifications)
        {
            foreach (var queue in queues)
            {
                if (options.DryRun)
                {
                    report(new NotificationOutcome(notification, queue.Sink.Name, NotificationResult.DryRun));
                }
                else if (!queue.TryWrite(notification))
                {
                    report(new NotificationOutcome(notification, queue.Sink.Name, NotificationResult.Dropped, Error: "the sink's queue is full"));
                }
            }
        }
    }

    /// <summary>
    /// Waits until every queue is empty and idle, or <paramref name="bound"/> passes (then false);
    /// for a one-shot <c>aus run</c> before it exits.
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan bound, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(bound);
        try
        {
            await Task.WhenAll(queues.Select(q => q.WaitIdleAsync(limit.Token)));
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops taking notifications and stops the workers; what is still queued is dropped (and reported).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var queue in queues)
        {
            queue.Complete();
        }

        await stopping.CancelAsync();
        await Task.WhenAll(queues.Select(q => q.Worker ?? Task.CompletedTask));
        stopping.Dispose();
    }

    private async Task WorkAsync(SinkQueue queue)
    {
        await foreach (var notification in queue.ReadAllAsync())
        {
            try
            {
                if (stopping.IsCancellationRequested)
                {
                    report(new NotificationOutcome(notification, queue.Sink.Name, NotificationResult.Dropped, Error: "aus is stopping"));
                    continue;
                }

                report(await DeliverAsync(queue.Sink, notification, stopping.Token));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                report(new NotificationOutcome(notification, queue.Sink.Name, NotificationResult.Dropped, Error: "aus is stopping"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The ledger failed: nothing is known to be claimed, so a later pass produces it again.
                report(new NotificationOutcome(notification, queue.Sink.Name, NotificationResult.Failed, Error: "delivery record: " + e.Message));
            }
            finally
            {
                queue.Done();
            }
        }
    }

    private async Task<NotificationOutcome> DeliverAsync(INotificationSink sink, Notification notification, CancellationToken cancellationToken)
    {
        var key = notification.Key;
        if (notification.Event == NotificationEvent.UpgradeCompleted
            && !await ledger.HasAnnouncedUpgradeAsync(sink.Name, key.Environment, key.OrganizationId, key.Cluster, key.Version, cancellationToken))
        {
            return new NotificationOutcome(notification, sink.Name, NotificationResult.NotAnnounced);
        }

        if (!await ledger.TryClaimAsync(sink.Name, key, time.GetUtcNow(), cancellationToken))
        {
            return new NotificationOutcome(notification, sink.Name, NotificationResult.AlreadyClaimed);
        }

        return await SendWithRetriesAsync(sink, notification, cancellationToken);
    }

    private async Task<NotificationOutcome> SendWithRetriesAsync(INotificationSink sink, Notification notification, CancellationToken cancellationToken)
    {
        var key = notification.Key;
        string? error = null;
        var delay = options.FirstRetryDelay;
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            try
            {
                if (attempt > 1)
                {
                    await Task.Delay(delay, time, cancellationToken);
                    delay *= 2;
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                // Stopping between tries: nothing is in flight, so give the claim back for the next start.
                await ledger.ReleaseAsync(sink.Name, key, CancellationToken.None);
                throw;
            }

            using var bounded = new CancellationTokenSource(options.AttemptTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(bounded.Token, cancellationToken);
            try
            {
                // Stopping while a try is in flight keeps the claim: the sink may have it (at most once).
                await sink.SendAsync(notification, linked.Token);
            }
            catch (OperationCanceledException) when (bounded.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                error = $"no answer within {options.AttemptTimeout.TotalSeconds:0.#} s";
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                error = e.Message;
                continue;
            }

            return await RecordDeliveredAsync(sink, notification, attempt);
        }

        await ledger.ReleaseAsync(sink.Name, key, cancellationToken);
        return new NotificationOutcome(notification, sink.Name, NotificationResult.Failed, options.Attempts, error);
    }

    /// <summary>
    /// Marks the claim delivered. The sink has the notification by now, so a failure here is only
    /// reported: retrying would send it again, and the claim already keeps everyone else from sending.
    /// </summary>
    private async Task<NotificationOutcome> RecordDeliveredAsync(INotificationSink sink, Notification notification, int attempts)
    {
        try
        {
            await ledger.MarkDeliveredAsync(sink.Name, notification.Key, time.GetUtcNow(), CancellationToken.None);
            return new NotificationOutcome(notification, sink.Name, NotificationResult.Delivered, attempts);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new NotificationOutcome(notification, sink.Name, NotificationResult.Delivered, attempts, "sent, but not marked delivered: " + e.Message);
        }
    }

    /// <summary>One sink's bounded queue, and a count of what is queued or being delivered, for <see cref="DrainAsync"/>.</summary>
    private sealed class SinkQueue(INotificationSink sink, int capacity)
    {
        private readonly Channel<Notification> channel = Channel.CreateBounded<Notification>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

        private readonly object gate = new();
        private int pending;
        private TaskCompletionSource idle = NewIdle(completed: true);

        public INotificationSink Sink => sink;

        public Task? Worker { get; set; }

        public bool TryWrite(Notification notification)
        {
            lock (gate)
            {
                if (!channel.Writer.TryWrite(notification))
                {
                    return false;
                }

                if (pending++ == 0)
                {
                    idle = NewIdle(completed: false);
                }

                return true;
            }
        }

        public IAsyncEnumerable<Notification> ReadAllAsync() => channel.Reader.ReadAllAsync();

        public void Done()
        {
            lock (gate)
            {
                if (--pending == 0)
                {
                    idle.TrySetResult();
                }
            }
        }

        public void Complete() => channel.Writer.TryComplete();

        public Task WaitIdleAsync(CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return idle.Task.WaitAsync(cancellationToken);
            }
        }

        private static TaskCompletionSource NewIdle(bool completed)
        {
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (completed)
            {
                source.SetResult();
            }

            return source;
        }
    }
}
