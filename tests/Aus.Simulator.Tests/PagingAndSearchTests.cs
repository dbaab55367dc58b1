using System.Net;

namespace Aus.Simulator.Tests;

public sealed class PagingAndSearchTests
{
    [Fact]
    public async Task Paging_ReturnsEveryItemOnceAcrossPages_AndSizeIsTheItemCount()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Many(25));
        var names = new List<string>();

        var (_, first) = await h.GetAsync("/api/clusters_mgmt/v1/clusters?size=10");
        var (_, second) = await h.GetAsync("/api/clusters_mgmt/v1/clusters?size=10&page=2");
        var (_, third) = await h.GetAsync("/api/clusters_mgmt/v1/clusters?size=10&page=3");
        foreach (var page in new[] { first, second, third })
        {
            names.AddRange(page!["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        }

        first!["kind"]!.GetValue<string>().ShouldBe("ClusterList");
        first["page"]!.GetValue<int>().ShouldBe(1);
        first["size"]!.GetValue<int>().ShouldBe(10);
        first["total"]!.GetValue<int>().ShouldBe(25);
        third!["page"]!.GetValue<int>().ShouldBe(3);
        third["size"]!.GetValue<int>().ShouldBe(5);
        names.ShouldBe(Enumerable.Range(1, 25).Select(i => $"c-{i:D3}"));
    }

    [Fact]
    public async Task Paging_DefaultSizeIs100()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Many(101));

        var (_, body) = await h.GetAsync("/api/clusters_mgmt/v1/clusters");

        body!["size"]!.GetValue<int>().ShouldBe(100);
        body["total"]!.GetValue<int>().ShouldBe(101);
    }

    [Fact]
    public async Task ClusterSearch_AsTheClientSendsIt_SelectsBySubscription()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        var search = Uri.EscapeDataString("managed='true' and product.id in ('osd','rosa') and state='ready' and subscription.id in ('sub-c1','sub-h1')");

        var (status, body) = await h.GetAsync($"/api/clusters_mgmt/v1/clusters?search={search}&order=creation_timestamp");

        status.ShouldBe(HttpStatusCode.OK);
        body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe(["c1", "h1"]);
    }

    [Fact]
    public async Task SubscriptionSearch_ByOrganizationAndStatus_WithLabels()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        var search = Uri.EscapeDataString("managed='true' and organization_id in ('org-a') and status in ('Active','Reserved')");

        var (_, body) = await h.GetAsync($"/api/accounts_mgmt/v1/subscriptions?fetchLabels=true&fetchCapabilities=true&orderBy=id&search={search}");

        var items = body!["items"]!.AsArray();
        items.Select(i => i!["id"]!.GetValue<string>()).ShouldBe(["sub-c1", "sub-c2", "sub-h1"]);
        items[0]!["cluster_id"]!.GetValue<string>().ShouldBe("c1");
        items[0]!["labels"]!.AsArray().Select(l => l!["key"]!.GetValue<string>()).ShouldBe(["sre-capabilities.aus.workloads", "other.label"]);
        items[0]!["capabilities"].ShouldNotBeNull();
    }

    [Fact]
    public async Task LabelSearch_LikeAndType()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        var search = Uri.EscapeDataString("key like 'sre-capabilities.aus.%' and type='Subscription'");

        var (_, body) = await h.GetAsync($"/api/accounts_mgmt/v1/labels?search={search}");

        var label = body!["items"]!.AsArray().ShouldHaveSingleItem()!;
        label["key"]!.GetValue<string>().ShouldBe("sre-capabilities.aus.workloads");
        label["subscription_id"]!.GetValue<string>().ShouldBe("sub-c1");
        label["type"]!.GetValue<string>().ShouldBe("Subscription");
    }

    [Fact]
    public async Task Search_QuotesInsideValuesAreDoubled()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.PostAsync("/api/accounts_mgmt/v1/organizations/org-b/labels", """{"kind": "Label", "key": "note", "value": "it's"}""");
        var search = Uri.EscapeDataString("value='it''s' and organization_id='org-b'");

        var (_, body) = await h.GetAsync($"/api/accounts_mgmt/v1/labels?search={search}");

        body!["items"]!.AsArray().ShouldHaveSingleItem()!["key"]!.GetValue<string>().ShouldBe("note");
    }

    [Theory]
    [InlineData("managed='true' or state='ready'")]
    [InlineData("name ~ 'x'")]
    [InlineData("name = 'unterminated")]
    [InlineData("no_such_field = 'x'")]
    [InlineData("(managed = 'true')")]
    public async Task UnsupportedSearch_Is400OcmError(string search)
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.GetAsync($"/api/clusters_mgmt/v1/clusters?search={Uri.EscapeDataString(search)}");

        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["kind"]!.GetValue<string>().ShouldBe("Error");
        body["code"]!.GetValue<string>().ShouldBe("CLUSTERS-MGMT-400");
    }
}
