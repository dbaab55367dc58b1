using System.Net;

namespace Aus.Simulator.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task Stats_CountPerRouteTemplateAndStatus()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        h.Sim.Stats.Reset();

        await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1/upgrade_policies");
        await h.GetAsync("/api/clusters_mgmt/v1/clusters/c2/upgrade_policies");
        await h.GetAsync("/api/clusters_mgmt/v1/clusters/missing/upgrade_policies");

        const string endpoint = "GET /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies";
        h.Sim.Stats.Count(endpoint).ShouldBe(3);
        h.Sim.Stats.Count(endpoint, 200).ShouldBe(2);
        h.Sim.Stats.Count(endpoint, 404).ShouldBe(1);
        var (_, body) = await h.GetAsync("/_sim/stats");
        body!["endpoints"]![endpoint]!["byStatus"]!["200"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task DeleteStats_Resets()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.GetAsync("/api/clusters_mgmt/v1/clusters");

        (await h.SendAsync(HttpMethod.Delete, "/_sim/stats")).Status.ShouldBe(HttpStatusCode.NoContent);

        h.Sim.Stats.Count("GET /api/clusters_mgmt/v1/clusters").ShouldBe(0);
    }
}
