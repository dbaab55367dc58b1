using System.Net;

namespace Aus.Simulator.Tests;

public sealed class ServiceLogTests
{
    [Fact]
    public async Task PostedLog_IsFoundBySearchWithCreatedAtAndClusterUuid()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        var uuid = (await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1")).Body!["external_id"]!.GetValue<string>();
        var (created, log) = await h.PostAsync(
            "/api/service_logs/v1/cluster_logs",
            $$"""{"cluster_uuid": "{{uuid}}", "service_name": "advanced-upgrade-scheduler", "summary": "Upgrade scheduled", "description": "to 4.16.9", "severity": "Moderate"}""");
        created.ShouldBe(HttpStatusCode.Created);
        log!["created_at"]!.GetValue<string>().ShouldBe("2026-11-23T12:00:00Z");
        h.Sim.Clock.Advance(TimeSpan.FromHours(2));

        var recent = Uri.EscapeDataString("created_at >= '2026-11-22T14:00:00Z' and description='to 4.16.9' and service_name='advanced-upgrade-scheduler' and severity='Moderate' and summary='Upgrade scheduled'");
        var tooLate = Uri.EscapeDataString("created_at >= '2026-11-23T13:00:00Z'");
        var (_, found) = await h.GetAsync($"/api/service_logs/v1/clusters/cluster_logs?cluster_uuid={uuid}&search={recent}");
        var (_, none) = await h.GetAsync($"/api/service_logs/v1/clusters/cluster_logs?cluster_uuid={uuid}&search={tooLate}");
        var (_, otherCluster) = await h.GetAsync($"/api/service_logs/v1/clusters/cluster_logs?cluster_uuid=not-it&search={recent}");

        found!["items"]!.AsArray().ShouldHaveSingleItem()!["cluster_uuid"]!.GetValue<string>().ShouldBe(uuid);
        none!["total"]!.GetValue<int>().ShouldBe(0);
        otherCluster!["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Log_ForUnknownCluster_IsRefused()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, _) = await h.PostAsync("/api/service_logs/v1/cluster_logs", """{"cluster_uuid": "nope", "service_name": "s", "summary": "x", "severity": "Moderate"}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LogType_OutsideOcmsEnum_IsRefused_AndALogWithoutOneHasNone()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        var uuid = (await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1")).Body!["external_id"]!.GetValue<string>();

        var (refused, error) = await h.PostAsync(
            "/api/service_logs/v1/cluster_logs",
            $$"""{"cluster_uuid": "{{uuid}}", "service_name": "s", "summary": "x", "severity": "Moderate", "log_type": "clusterlifecycle"}""");
        var (created, log) = await h.PostAsync(
            "/api/service_logs/v1/cluster_logs",
            $$"""{"cluster_uuid": "{{uuid}}", "service_name": "s", "summary": "x", "severity": "Moderate"}""");
        var (typed, typedLog) = await h.PostAsync(
            "/api/service_logs/v1/cluster_logs",
            $$"""{"cluster_uuid": "{{uuid}}", "service_name": "s", "summary": "x", "severity": "Moderate", "log_type": "cluster-state-updates"}""");

        refused.ShouldBe(HttpStatusCode.BadRequest);
        error!["reason"]!.GetValue<string>().ShouldContain("'clusterlifecycle' is not one of clustercreate-details");
        created.ShouldBe(HttpStatusCode.Created);
        log!.AsObject().ContainsKey("log_type").ShouldBeFalse();
        typed.ShouldBe(HttpStatusCode.Created);
        typedLog!["log_type"]!.GetValue<string>().ShouldBe("cluster-state-updates");
    }

    [Fact]
    public async Task Cluster_HasNoOrganizationField_AsInOcm()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (_, cluster) = await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1");

        cluster!.AsObject().ContainsKey("organization").ShouldBeFalse("OCM's cluster links its subscription; the organization is the subscription's");
        cluster["subscription"]!["id"].ShouldNotBeNull();
    }
}
