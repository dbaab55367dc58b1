using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Http;

public sealed class PaginationTests
{
    private static string Gate(int n) => $$"""{"kind":"VersionGate","id":"gate-{{n}}","version_raw_id_prefix":"4.{{n}}","label":"api.openshift.com/gate-ocp","sts_only":false}""";

    [Fact]
    public async Task ListsFollowPagesUntilAShortPage()
    {
        var ocm = new FakeOcmHandler().On("GET", "/api/clusters_mgmt/v1/version_gates", request =>
        {
            var page = int.Parse(request["page"] ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            var size = int.Parse(request["size"]!, System.Globalization.CultureInfo.InvariantCulture);
            var items = Enumerable.Range(((page - 1) * size) + 1, size).Where(n => n <= 5).Select(Gate).ToArray();
            return FakeOcmHandler.Page(page, 5, items);
        });
        using var client = TestClients.Create(ocm, options: TestClients.Options() with { PageSize = 2 });

        var gates = await client.GetVersionGatesAsync(CancellationToken.None);

        gates.Select(g => g.Id).ShouldBe(["gate-1", "gate-2", "gate-3", "gate-4", "gate-5"]);
        var requests = ocm.Api.ToList();
        requests.Select(r => r["page"]).ShouldBe([null, "2", "3"]);
        requests.ShouldAllBe(r => r["size"] == "2");
    }

    [Fact]
    public async Task AFullLastPageStopsAtTheTotalWithoutAnEmptyRequest()
    {
        var ocm = new FakeOcmHandler().On("GET", "/api/clusters_mgmt/v1/version_gates", request =>
            request["page"] is null ? FakeOcmHandler.Page(1, 4, Gate(1), Gate(2)) : FakeOcmHandler.Page(2, 4, Gate(3), Gate(4)));
        using var client = TestClients.Create(ocm, options: TestClients.Options() with { PageSize = 2 });

        var gates = await client.GetVersionGatesAsync(CancellationToken.None);

        gates.Length.ShouldBe(4);
        ocm.Api.Count().ShouldBe(2);
    }
}
