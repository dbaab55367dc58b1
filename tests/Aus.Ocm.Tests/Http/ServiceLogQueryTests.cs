using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Http;

/// <summary>
/// Looking for an earlier service log (the dedup before posting one) reads the cluster's own list,
/// `GET /api/service_logs/v1/clusters/cluster_logs?cluster_uuid=...`, which any user of the cluster
/// may read, not the global list, which needs the right to see private logs.
/// </summary>
public sealed class ServiceLogQueryTests
{
    private const string ClusterLogs = "/api/service_logs/v1/clusters/cluster_logs";
    private const string Entry = """{"kind":"ClusterLog","id":"log-1","cluster_uuid":"uuid-1","service_name":"advanced-upgrade-scheduler","summary":"s","description":"- a\n- b","severity":"Moderate","created_at":"2026-11-23T11:00:00Z"}""";

    [Fact]
    public async Task Search_AsksTheClustersOwnListWithTheOtherFieldsInTheSearch()
    {
        var ocm = new FakeOcmHandler().On("GET", ClusterLogs, _ => FakeOcmHandler.Json($$"""{"kind":"ClusterLogList","page":1,"size":1,"total":1,"items":[{{Entry}}]}"""));
        using var client = TestClients.Create(ocm, FakeTime.Create());

        var found = await client.SearchServiceLogsAsync(
            new ServiceLogQuery("uuid-1")
            {
                ServiceName = ServiceLogEntry.AusServiceName,
                Summary = "s",
                Description = "- a\n- it's",
                Severity = "Moderate",
                CreatedSince = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
            },
            CancellationToken.None);

        var request = ocm.Api.ShouldHaveSingleItem();
        request.Path.ShouldBe(ClusterLogs);
        request["cluster_uuid"].ShouldBe("uuid-1");
        request["search"].ShouldBe(
            "created_at >= '2026-11-22T12:00:00Z' and description='- a\n- it''s' and service_name='advanced-upgrade-scheduler' and severity='Moderate' and summary='s'");
        found.ShouldHaveSingleItem().Description.ShouldBe("- a\n- b");
        client.CallCounts.For(OcmEndpoints.ServiceLogs, "200").ShouldBe(1);
        OcmEndpoints.ServiceLogs.ShouldBe("GET " + ClusterLogs);
    }

    [Fact]
    public async Task Search_ForAClusterAlone_SendsNoSearch()
    {
        var ocm = new FakeOcmHandler().On("GET", ClusterLogs, _ => FakeOcmHandler.Json("""{"kind":"ClusterLogList","page":1,"size":0,"total":0,"items":[]}"""));
        using var client = TestClients.Create(ocm, FakeTime.Create());

        (await client.SearchServiceLogsAsync(new ServiceLogQuery("uuid-1"), CancellationToken.None)).ShouldBeEmpty();

        var request = ocm.Api.ShouldHaveSingleItem();
        request["cluster_uuid"].ShouldBe("uuid-1");
        request.Query.ContainsKey("search").ShouldBeFalse();
    }
}
