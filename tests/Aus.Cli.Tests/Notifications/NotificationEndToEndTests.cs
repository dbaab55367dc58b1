using Aus.Application.Ports;
using Aus.Cli.Service;
using Aus.Cli.Tests.Service;
using Aus.Domain.Planning;
using Aus.Storage;

namespace Aus.Cli.Tests.Notifications;

/// <summary>
/// The service's notifications against the OCM simulator over simulated hours, received by a local
/// webhook: each event once, in the order the rollout makes them, and none again on later passes;
/// a receiver that fails or hangs holds up no pass.
/// </summary>
public sealed class NotificationEndToEndTests
{
    [Fact]
    public async Task ARollout_PostsOneScheduledEventPerCreatedPolicy_ThenStartedAndCompleted_EachOnce_AndNothingOnLaterPasses()
    {
        await using var receiver = new CloudEventReceiver();
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgB);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        await using var service = await NotifyingService.StartAsync(bed, store, NotifyingService.Settings(bed, receiver.Url), http);

        var created = new List<string>();
        for (var pass = 0; pass < 6; pass++)
        {
            bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
            var report = await service.PassAndDeliverAsync();
            created.AddRange(report.Organizations.SelectMany(o => o.Results)
                .Where(r => r.Outcome == ActionOutcome.Applied && r.Action is CreateUpgradePolicy)
                .Select(r => r.Action.Cluster));
        }

        created.ShouldBe(["a-1", "a-2"], ignoreOrder: true);
        var events = receiver.Events;
        events.Select(e => e.Id).ShouldBeUnique();
        events.Where(e => e.Type == "aus.upgrade-scheduled").Select(e => e.Subject).ShouldBe(created, ignoreOrder: true);
        foreach (var cluster in (string[])["a-1", "a-2"])
        {
            events.Where(e => e.Subject == cluster).Select(e => (e.Type, e.Version))
                .ShouldBe([("aus.upgrade-scheduled", "4.16.9"), ("aus.upgrade-started", "4.16.9"), ("aus.upgrade-completed", "4.16.9")], $"{cluster}'s events, in order");
        }

        events.Where(e => e.Organization == "org-b").Select(e => e.Type).ShouldBe(["aus.validation-errors"], "org-b's errors, once");
        using (var metrics = new MemoryStream())
        {
            await service.Service.Metrics.WriteAsync(metrics, CancellationToken.None);
            PrometheusText.Parse(System.Text.Encoding.UTF8.GetString(metrics.ToArray()))
                .Single("aus_notifications_total", ("sink", $"webhook {receiver.Url}"), ("event", "upgrade-scheduled"), ("result", "delivered")).Value.ShouldBe(2);
        }

        var received = events.Count;
        for (var pass = 0; pass < 3; pass++)
        {
            bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
            await service.PassAndDeliverAsync();
        }

        receiver.Events.Count.ShouldBe(received, "later passes see the same state and send nothing again");
    }

    [Fact]
    public async Task ADryRun_SendsNothing()
    {
        await using var receiver = new CloudEventReceiver();
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgB);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        await using var service = await NotifyingService.StartAsync(bed, store, NotifyingService.Settings(bed, receiver.Url, dryRun: true), http);

        bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
        var report = await service.PassAndDeliverAsync();

        report.Organizations.Single(o => o.OrgId.Value == "org-a").Results.ShouldContain(r => r.Action is CreateUpgradePolicy && r.Outcome == ActionOutcome.DryRun);
        receiver.Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AReceiverThatHangsOrFails_HoldsUpNoPass(bool hangs)
    {
        await using var receiver = new CloudEventReceiver();
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Respond = async (_, stopping) =>
        {
            asked.TrySetResult();
            if (hangs)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
            }

            return (500, "{\"error\": \"down\"}");
        };
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        await using var service = await NotifyingService.StartAsync(bed, store, NotifyingService.Settings(bed, receiver.Url), http);

        bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
        var first = await service.Service.RunPassAsync(null, CancellationToken.None);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var passes = new List<ServicePass> { first };
        for (var pass = 0; pass < 3; pass++)
        {
            bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
            passes.Add(await service.Service.RunPassAsync(null, CancellationToken.None));
        }

        // Every pass ended, and ended well, while the receiver had not accepted a single notification.
        passes.ShouldAllBe(p => !p.Failed);
        first.Organizations.Single().Results.Count(r => r.Outcome == ActionOutcome.Applied).ShouldBe(2);
        receiver.Events.ShouldNotBeEmpty();
        if (hangs)
        {
            receiver.Answered.ShouldBe(0);
        }
    }
}
