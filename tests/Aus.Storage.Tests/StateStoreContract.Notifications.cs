using System.Collections.Concurrent;
using Aus.Application.Notifications;
using Aus.Domain.Fleet;
using Aus.Storage.Ado;

namespace Aus.Storage.Tests;

/// <summary>The notification delivery records, on each dialect: a claim succeeds once, whoever makes it.</summary>
public abstract partial class StateStoreContract
{
    private static readonly NotificationKey Started = new(new EnvironmentName("production"), new OrganizationId("org-a"), "prod-1", "upgrade-started", "4.16.3", "policy-1");

    private static INotificationLedger Ledger(IStateStore store) => StateStore.NotificationLedger(store);

    [Fact]
    public async Task Claim_SucceedsOnce_ThenFailsForEveryStoreOnTheSameDatabase()
    {
        var replica = await OpenAsync();

        (await Ledger(Store).TryClaimAsync("hook", Started, Now, CancellationToken.None)).ShouldBeTrue();

        (await Ledger(Store).TryClaimAsync("hook", Started, Now, CancellationToken.None)).ShouldBeFalse();
        (await Ledger(replica).TryClaimAsync("hook", Started, Now, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Claim_OfAnotherSinkOrPolicy_IsItsOwn()
    {
        await Ledger(Store).TryClaimAsync("hook", Started, Now, CancellationToken.None);

        (await Ledger(Store).TryClaimAsync("slack", Started, Now, CancellationToken.None)).ShouldBeTrue();
        (await Ledger(Store).TryClaimAsync("hook", Started with { Detail = "policy-2" }, Now, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Claims_RacingFromTwoReplicas_OnlyOneWins()
    {
        var replica = await OpenAsync();
        var ledgers = new[] { Ledger(Store), Ledger(replica) };

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => ledgers[i % 2].TryClaimAsync("hook", Started, Now, CancellationToken.None)));

        results.Count(won => won).ShouldBe(1);
    }

    [Fact]
    public async Task Release_OfAnUndeliveredClaim_LetsALaterClaimSucceed_ButADeliveredOneStays()
    {
        var ledger = Ledger(Store);
        var delivered = Started with { Detail = "policy-2" };
        await ledger.TryClaimAsync("hook", Started, Now, CancellationToken.None);
        await ledger.TryClaimAsync("hook", delivered, Now, CancellationToken.None);
        await ledger.MarkDeliveredAsync("hook", delivered, Now, CancellationToken.None);

        await ledger.ReleaseAsync("hook", Started, CancellationToken.None);
        await ledger.ReleaseAsync("hook", delivered, CancellationToken.None);

        (await ledger.TryClaimAsync("hook", Started, Now, CancellationToken.None)).ShouldBeTrue();
        (await ledger.TryClaimAsync("hook", delivered, Now, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task MarkDelivered_IsRecorded_AndAClaimWithoutItStaysUndelivered()
    {
        var ado = (AdoStateStore)Store;
        await ado.TryClaimAsync("hook", Started, Now, CancellationToken.None);

        (await ado.IsDeliveredAsync("hook", Started, CancellationToken.None)).ShouldBe(false);
        await ado.MarkDeliveredAsync("hook", Started, Now.AddSeconds(1), CancellationToken.None);
        (await ado.IsDeliveredAsync("hook", Started, CancellationToken.None)).ShouldBe(true);
        (await ado.IsDeliveredAsync("slack", Started, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task HasAnnouncedUpgrade_CountsAnyEventOfThatClusterAndVersion_ButCompletion()
    {
        var ledger = Ledger(Store);
        await ledger.TryClaimAsync("hook", Started, Now, CancellationToken.None);
        await ledger.TryClaimAsync("hook", Started with { Cluster = "prod-2", Event = "upgrade-completed", Detail = "" }, Now, CancellationToken.None);

        (await ledger.HasAnnouncedUpgradeAsync("hook", new EnvironmentName("production"), new OrganizationId("org-a"), "prod-1", "4.16.3", CancellationToken.None)).ShouldBeTrue();
        (await ledger.HasAnnouncedUpgradeAsync("slack", new EnvironmentName("production"), new OrganizationId("org-a"), "prod-1", "4.16.3", CancellationToken.None)).ShouldBeFalse();
        (await ledger.HasAnnouncedUpgradeAsync("hook", new EnvironmentName("production"), new OrganizationId("org-a"), "prod-1", "4.16.4", CancellationToken.None)).ShouldBeFalse();
        (await ledger.HasAnnouncedUpgradeAsync("hook", new EnvironmentName("production"), new OrganizationId("org-a"), "prod-2", "4.16.3", CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task TwoReplicasNotifying_TheSamePasses_SendEachNotificationOnce()
    {
        var replica = await OpenAsync();
        var sink = new CountingSink();
        var options = new NotifierOptions { FirstRetryDelay = TimeSpan.Zero };
        await using var first = new Notifier([sink], Ledger(Store), options, TimeProvider.System);
        await using var second = new Notifier([sink], Ledger(replica), options, TimeProvider.System);
        var notifications = Enumerable.Range(1, 20).Select(i => Notification(Started with { Cluster = $"prod-{i}" })).ToList();

        for (var pass = 0; pass < 2; pass++)
        {
            first.Enqueue(notifications);
            second.Enqueue(notifications);
            (await first.DrainAsync(TimeSpan.FromMinutes(1))).ShouldBeTrue();
            (await second.DrainAsync(TimeSpan.FromMinutes(1))).ShouldBeTrue();
        }

        sink.Sent.Count.ShouldBe(20);
        sink.Sent.Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public void DryRunStore_HasRecordsOfItsOwn_OutsideTheStore()
    {
        StateStore.NotificationLedger(StateStore.DryRun(Store)).ShouldBeOfType<InMemoryNotificationLedger>();
    }

    private static Notification Notification(NotificationKey key) => new()
    {
        Event = NotificationEvent.UpgradeStarted,
        Environment = key.Environment,
        OrganizationId = key.OrganizationId,
        OrganizationName = key.OrganizationId.Value,
        Cluster = key.Cluster,
        Version = key.Version,
        PolicyId = key.Detail,
        ObservedAt = Now,
        Key = key,
    };

    private sealed class CountingSink : INotificationSink
    {
        public ConcurrentQueue<NotificationKey> Sent { get; } = new();

        public string Name => "hook";

        public Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            Sent.Enqueue(notification.Key);
            return Task.CompletedTask;
        }
    }
}
