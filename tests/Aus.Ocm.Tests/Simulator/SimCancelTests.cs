using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Ocm.Actions;

namespace Aus.Ocm.Tests.Simulator;

/// <summary>Upgrade policies cancelled by a pause: the client deletes each kind where OCM keeps it, and the simulator removes it as OCM does.</summary>
public sealed class SimCancelTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Fleet = """
        organizations:
        - orgId: org-a
          clusters:
          - name: classic-1
            id: c1
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            upgradePolicies:
            - {id: p-1, version: 4.16.9, scheduleType: manual, nextRun: "2026-11-23T20:00:00Z", state: scheduled}
          - name: classic-2
            id: c2
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            upgradePolicies:
            - {id: p-2, version: 4.16.9, scheduleType: manual, nextRun: "2026-11-23T11:00:00Z", state: started}
          - name: hcp-1
            id: h1
            product: rosa
            hypershift: true
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            nodePools:
            - {id: workers, version: 4.16.7}
            upgradePolicies:
            - {id: cp-1, kind: control-plane, version: 4.16.9, scheduleType: manual, nextRun: "2026-11-23T20:00:00Z", state: scheduled}
            - {id: np-1, kind: node-pool, nodePool: workers, version: 4.16.8, scheduleType: manual, nextRun: "2026-11-23T20:00:00Z", state: pending}
        """;

    private static readonly PlannedAction[] Deletes =
    [
        new DeleteUpgradePolicy("classic-1", new ClusterId("c1"), UpgradePolicyKind.Cluster, "p-1") { Version = "4.16.9" },
        new DeleteUpgradePolicy("hcp-1", new ClusterId("h1"), UpgradePolicyKind.ControlPlane, "cp-1") { Version = "4.16.9" },
        new DeleteUpgradePolicy("hcp-1", new ClusterId("h1"), UpgradePolicyKind.NodePool, "np-1") { Version = "4.16.8", NodePool = "workers" },
    ];

    [Fact]
    public async Task EachKind_IsDeletedAtItsOwnPath_AndIsGoneFromTheNextRead()
    {
        await using var sim = await SimClient.StartAsync(Fleet);
        var writes = RecordWrites(sim);

        var results = await sim.Client.ApplyAsync(Deletes, dryRun: false, None);

        results.Select(r => r.Outcome).ShouldAllBe(o => o == OcmActionOutcome.Applied, string.Join("\n", results.Select(r => r.Message)));
        writes.ShouldBe(
        [
            "DELETE /api/clusters_mgmt/v1/clusters/c1/upgrade_policies/p-1",
            "DELETE /api/clusters_mgmt/v1/clusters/h1/control_plane/upgrade_policies/cp-1",
            "DELETE /api/clusters_mgmt/v1/clusters/h1/node_pools/workers/upgrade_policies/np-1",
        ],
        ignoreOrder: true);
        var clusters = (await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None)).Snapshot.Find(new OrganizationId("org-a"))!.Clusters;
        clusters.Single(c => c.Name == "classic-1").UpgradePolicies.ShouldBeEmpty();
        clusters.Single(c => c.Name == "hcp-1").UpgradePolicies.ShouldBeEmpty();
        clusters.Single(c => c.Name == "classic-2").UpgradePolicies.ShouldHaveSingleItem().Id.ShouldBe("p-2");
    }

    [Fact]
    public async Task APolicyThatHasStarted_IsRefusedByOcm_AndStays()
    {
        await using var sim = await SimClient.StartAsync(Fleet);

        var results = await sim.Client.ApplyAsync(
            [new DeleteUpgradePolicy("classic-2", new ClusterId("c2"), UpgradePolicyKind.Cluster, "p-2") { Version = "4.16.9" }], dryRun: false, None);

        var result = results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe(OcmActionOutcome.Refused);
        result.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        result.Message.ShouldNotBeNull().ShouldContain("has started and cannot be deleted");
        var clusters = (await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None)).Snapshot.Find(new OrganizationId("org-a"))!.Clusters;
        clusters.Single(c => c.Name == "classic-2").UpgradePolicies.ShouldHaveSingleItem().Id.ShouldBe("p-2");
    }

    [Fact]
    public async Task APolicyAlreadyGone_IsNotFound_AndReportedRefused()
    {
        await using var sim = await SimClient.StartAsync(Fleet);

        var results = await sim.Client.ApplyAsync(
            [new DeleteUpgradePolicy("classic-1", new ClusterId("c1"), UpgradePolicyKind.Cluster, "no-such-policy")], dryRun: false, None);

        var result = results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe(OcmActionOutcome.Refused);
        result.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANodePoolDeleteWithoutItsPool_IsRefusedWithoutACall()
    {
        await using var sim = await SimClient.StartAsync(Fleet);
        var writes = RecordWrites(sim);

        var results = await sim.Client.ApplyAsync([new DeleteUpgradePolicy("hcp-1", new ClusterId("h1"), UpgradePolicyKind.NodePool, "np-1")], dryRun: false, None);

        results.ShouldHaveSingleItem().Outcome.ShouldBe(OcmActionOutcome.Refused);
        results[0].Message.ShouldBe("deleting a node-pool upgrade policy needs its node pool id");
        writes.ShouldBeEmpty();
    }

    [Fact]
    public async Task ADryRun_DeletesNothing()
    {
        await using var sim = await SimClient.StartAsync(Fleet);
        var writes = RecordWrites(sim);

        var results = await sim.Client.ApplyAsync(Deletes, dryRun: true, None);

        results.ShouldAllBe(r => r.Outcome == OcmActionOutcome.DryRun);
        writes.ShouldBeEmpty();
        var clusters = (await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None)).Snapshot.Find(new OrganizationId("org-a"))!.Clusters;
        clusters.Single(c => c.Name == "hcp-1").UpgradePolicies.Length.ShouldBe(2);
    }

    /// <summary>Every write the client sends to the API: method and path.</summary>
    private static List<string> RecordWrites(SimClient sim)
    {
        var writes = new List<string>();
        sim.Wire.Before = (request, ct) =>
        {
            if (request.Method != HttpMethod.Get && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                lock (writes)
                {
                    writes.Add($"{request.Method} {request.RequestUri.AbsolutePath}");
                }
            }

            return Task.CompletedTask;
        };
        return writes;
    }
}
