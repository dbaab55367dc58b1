using Aus.Application.Reconcile;
using Aus.Storage;
using Aus.Storage.Tests.PostgreSql;

namespace Aus.Cli.Tests.Service;

/// <summary>
/// Two `aus serve` replicas on one PostgreSQL store (in process, on the simulator's virtual clock):
/// every organization is processed by exactly one replica in each pass, and OCM never gets a policy twice.
/// </summary>
public sealed class ReplicaTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const int Passes = 12;

    [Fact]
    public async Task TwoReplicas_ProcessEachOrganizationOncePerPass()
    {
        var database = await server.CreateDatabaseAsync();
        try
        {
            await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgC);
            var location = StateLocation.TryParse(database, out var parsed, out var error) ? parsed! : throw new InvalidOperationException(error);
            var settings = bed.Settings(location);
            using var http = new HttpClient();
            var storeA = await StateStore.OpenAsync(location, new StateStoreOptions { ExclusiveProcess = true });
            await using var storeB = await StateStore.OpenAsync(location, new StateStoreOptions { ExclusiveProcess = true });
            using var replicaA = await bed.ServiceAsync(storeA, settings, http, aligned: true, owner: "replica-a");
            using var replicaB = await bed.ServiceAsync(storeB, settings, http, aligned: true, owner: "replica-b");

            for (var pass = 0; pass < Passes; pass++)
            {
                bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
                var reports = await Task.WhenAll(
                    replicaA.RunPassAsync(null, CancellationToken.None),
                    replicaB.RunPassAsync(null, CancellationToken.None));

                foreach (var orgId in (string[])["org-a", "org-c"])
                {
                    var processed = reports.SelectMany(r => r.Organizations).Where(o => o.OrgId.Value == orgId && o.Processed).ToList();
                    processed.Count.ShouldBe(1, $"pass {pass}: {orgId} is processed by exactly one replica");
                    processed[0].Failed.ShouldBeFalse(processed[0].Failure);
                }
            }

            bed.Simulator.Stats.Count("POST /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies", 400).ShouldBe(0);
            bed.Simulator.Stats.Count("POST /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies", 201).ShouldBe(2);

            // A replica that goes away leaves its organizations to the other at the next pass.
            await storeA.DisposeAsync();
            bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
            var alone = await replicaB.RunPassAsync(null, CancellationToken.None);
            alone.Organizations.ShouldAllBe(o => o.Processed);
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }
}
