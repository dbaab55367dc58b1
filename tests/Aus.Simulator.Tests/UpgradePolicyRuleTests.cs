using System.Net;

namespace Aus.Simulator.Tests;

public sealed class UpgradePolicyRuleTests
{
    [Fact]
    public async Task CreatePolicy_FiveMinutesAhead_IsCreatedScheduled()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.CreatePolicyAsync("c1", "4.16.9", minutesAhead: 5);

        status.ShouldBe(HttpStatusCode.Created);
        body!["kind"]!.GetValue<string>().ShouldBe("UpgradePolicy");
        body["version"]!.GetValue<string>().ShouldBe("4.16.9");
        body["schedule_type"]!.GetValue<string>().ShouldBe("manual");
        body["next_run"]!.GetValue<string>().ShouldBe("2026-11-23T12:05:00Z");
        var id = body["id"]!.GetValue<string>();
        var (_, state) = await h.GetAsync($"/api/clusters_mgmt/v1/clusters/c1/upgrade_policies/{id}/state");
        state!["value"]!.GetValue<string>().ShouldBe("scheduled");
        var (_, list) = await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1/upgrade_policies");
        list!["items"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task CreatePolicy_LessThanFiveMinutesAhead_IsRefused()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.CreatePolicyAsync("c1", "4.16.9", minutesAhead: 4);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["kind"]!.GetValue<string>().ShouldBe("Error");
        body["reason"]!.GetValue<string>().ShouldContain("5 minutes");
    }

    [Fact]
    public async Task CreatePolicy_SecondPolicyForCluster_IsRefused()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        (await h.CreatePolicyAsync("c1", "4.16.9", minutesAhead: 60)).Status.ShouldBe(HttpStatusCode.Created);

        var (status, body) = await h.CreatePolicyAsync("c1", "4.16.10", minutesAhead: 60);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["reason"]!.GetValue<string>().ShouldContain("already an upgrade policy");
    }

    [Fact]
    public async Task CreatePolicy_VersionNotAvailable_IsRefused()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.CreatePolicyAsync("c2", "4.16.10", minutesAhead: 60);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["reason"]!.GetValue<string>().ShouldContain("not available");
    }

    [Fact]
    public async Task CreatePolicy_UnknownCluster_Is404()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        (await h.CreatePolicyAsync("nope", "4.16.9", minutesAhead: 60)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ControlPlanePolicy_OnePerCluster_StateInline()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        var (status, body) = await h.PostAsync(
            "/api/clusters_mgmt/v1/clusters/h1/control_plane/upgrade_policies",
            """{"version": "4.16.10", "schedule_type": "manual", "upgrade_type": "ControlPlane", "cluster_id": "h1", "next_run": "2026-11-23T13:00:00Z"}""");

        status.ShouldBe(HttpStatusCode.Created);
        body!["kind"]!.GetValue<string>().ShouldBe("ControlPlaneUpgradePolicy");
        body["upgrade_type"]!.GetValue<string>().ShouldBe("ControlPlane");
        body["state"]!["value"]!.GetValue<string>().ShouldBe("scheduled");
        (await h.CreatePolicyAsync("h1", "4.16.10", 60, "control_plane/upgrade_policies")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ClassicPolicyOnHostedControlPlane_IsRefused()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        (await h.CreatePolicyAsync("h1", "4.16.10", 60)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NodePoolPolicy_UpToControlPlaneVersion_OnePerPool()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.CreatePolicyAsync("h1", "4.16.9", 60, "node_pools/workers/upgrade_policies");
        var second = await h.CreatePolicyAsync("h1", "4.16.9", 60, "node_pools/workers/upgrade_policies");

        status.ShouldBe(HttpStatusCode.Created);
        body!["kind"]!.GetValue<string>().ShouldBe("NodePoolUpgradePolicy");
        body["node_pool_id"]!.GetValue<string>().ShouldBe("workers");
        second.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NodePoolPolicy_AboveControlPlaneVersion_IsRefused()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.CreatePolicyAsync("h1", "4.16.10", 60, "node_pools/workers/upgrade_policies");

        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["reason"]!.GetValue<string>().ShouldContain("control plane");
    }

    [Fact]
    public async Task NodePoolPolicy_UnknownPool_Is404()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        (await h.CreatePolicyAsync("h1", "4.16.9", 60, "node_pools/nope/upgrade_policies")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletePolicy_Scheduled_RemovesIt()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        var (_, body) = await h.CreatePolicyAsync("c1", "4.16.9", 60);

        var (status, _) = await h.SendAsync(HttpMethod.Delete, $"/api/clusters_mgmt/v1/clusters/c1/upgrade_policies/{body!["id"]!.GetValue<string>()}");

        status.ShouldBe(HttpStatusCode.NoContent);
        (await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1/upgrade_policies")).Body!["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task FleetPolicies_AreListedWithTheirKinds()
    {
        const string fleet = """
            organizations:
            - orgId: o
              clusters:
              - name: hcp
                hypershift: true
                product: rosa
                channel: stable-4.16
                version: 4.16.9
                nodePools: [{id: np1, version: 4.16.8}]
                upgradePolicies:
                - {id: cp-1, kind: control-plane, version: 4.16.10, nextRun: 2026-11-23T14:00:00Z, state: scheduled}
                - {id: np-1, kind: node-pool, nodePool: np1, version: 4.16.9, nextRun: 2026-11-23T14:00:00Z, state: pending}
            """;
        await using var h = await SimHarness.StartAsync(fleet);

        var (_, cp) = await h.GetAsync("/api/clusters_mgmt/v1/clusters/hcp/control_plane/upgrade_policies");
        var (_, np) = await h.GetAsync("/api/clusters_mgmt/v1/clusters/hcp/node_pools/np1/upgrade_policies");

        cp!["items"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe("cp-1");
        np!["items"]!.AsArray().ShouldHaveSingleItem()!["state"]!["value"]!.GetValue<string>().ShouldBe("pending");
    }
}
