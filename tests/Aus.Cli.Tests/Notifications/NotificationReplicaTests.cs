using Aus.Cli.Tests.Service;
using Aus.Storage;
using Aus.Storage.Tests.PostgreSql;

namespace Aus.Cli.Tests.Notifications;

/// <summary>
/// Two replicas on one PostgreSQL store, both notifying the same webhook: the organizations move
/// between the replicas from pass to pass (each sees the events the other saw), some passes race,
/// and the store's delivery records keep every event to one delivery.
/// </summary>
public sealed class NotificationReplicaTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task TwoReplicas_SendNothingTwice()
    {
        var database = await server.CreateDatabaseAsync();
        try
        {
            await using var receiver = new CloudEventReceiver();
            await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgB, ServiceTestBed.OrgC);
            var location = StateLocation.TryParse(database, out var parsed, out var error) ? parsed! : throw new InvalidOperationException(error);
            var settings = NotifyingService.Settings(bed, receiver.Url, location);
            using var http = new HttpClient();
            await using var storeA = await StateStore.OpenAsync(location, new StateStoreOptions { ExclusiveProcess = true });
            await using var storeB = await StateStore.OpenAsync(location, new StateStoreOptions { ExclusiveProcess = true });
            await using var replicaA = await NotifyingService.StartAsync(bed, storeA, settings, http, aligned: true, owner: "replica-a");
            await using var replicaB = await NotifyingService.StartAsync(bed, storeB, settings, http, aligned: true, owner: "replica-b");

            var processedBy = new HashSet<(string OrgId, string Replica)>();
            for (var pass = 0; pass < 8; pass++)
            {
                bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
                // Every third pass the replicas race; the others take turns going first, so the organizations move between them.
                (NotifyingService Replica, string Name)[] order = pass % 2 == 0 ? [(replicaA, "a"), (replicaB, "b")] : [(replicaB, "b"), (replicaA, "a")];
                var reports = pass % 3 == 2
                    ? await Task.WhenAll(order.Select(r => r.Replica.PassAndDeliverAsync()))
                    : [await order[0].Replica.PassAndDeliverAsync(), await order[1].Replica.PassAndDeliverAsync()];
                foreach (var (report, replica) in reports.Zip(order.Select(r => r.Name)))
                {
                    processedBy.UnionWith(report.Organizations.Where(o => o.Processed).Select(o => (o.OrgId.Value, replica)));
                }
            }

            var events = receiver.Events;
            events.Select(e => e.Id).ShouldBeUnique();
            foreach (var cluster in (string[])["a-1", "a-2"])
            {
                events.Where(e => e.Subject == cluster).Select(e => e.Type)
                    .ShouldBe(["aus.upgrade-scheduled", "aus.upgrade-started", "aus.upgrade-completed"], $"{cluster}'s events, each once");
            }

            events.Count(e => e.Type == "aus.validation-errors").ShouldBe(1);
            processedBy.GroupBy(p => p.OrgId).ShouldContain(g => g.Count() == 2, "an organization moved between the replicas, so both saw its events");
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }
}
