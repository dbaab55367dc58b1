using System.Net;

namespace Aus.Simulator.Tests;

public sealed class LabelTests
{
    [Fact]
    public async Task SubscriptionLabel_CreateUpdateDelete()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        const string path = "/api/accounts_mgmt/v1/subscriptions/sub-c2/labels";

        var (created, label) = await h.PostAsync(path, """{"kind": "Label", "key": "sre-capabilities.aus.soak-days", "value": "1"}""");
        var (patched, updated) = await h.PatchAsync($"{path}/sre-capabilities.aus.soak-days", """{"kind": "Label", "key": "sre-capabilities.aus.soak-days", "value": "3"}""");

        created.ShouldBe(HttpStatusCode.Created);
        label!["subscription_id"]!.GetValue<string>().ShouldBe("sub-c2");
        label["organization_id"]!.GetValue<string>().ShouldBe("org-a");
        patched.ShouldBe(HttpStatusCode.OK);
        updated!["value"]!.GetValue<string>().ShouldBe("3");
        (await h.SendAsync(HttpMethod.Delete, $"{path}/sre-capabilities.aus.soak-days")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await h.GetAsync(path)).Body!["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task OrganizationLabels_AreSearchableByOrganization()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.PostAsync("/api/accounts_mgmt/v1/organizations/org-b/labels", """{"kind": "Label", "key": "sre-capabilities.aus.version-data.x", "value": "y"}""");
        var search = Uri.EscapeDataString("key like 'sre-capabilities.aus.%' and organization_id in ('org-a','org-b') and type='Organization'");

        var (_, body) = await h.GetAsync($"/api/accounts_mgmt/v1/labels?search={search}&orderBy=created_at");

        body!["items"]!.AsArray().Select(l => l!["organization_id"]!.GetValue<string>()).ShouldBe(["org-a", "org-b"]);
    }

    [Fact]
    public async Task UnknownSubscription_Is404()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.PostAsync("/api/accounts_mgmt/v1/subscriptions/nope/labels", """{"key": "k", "value": "v"}""");

        status.ShouldBe(HttpStatusCode.NotFound);
        body!["code"]!.GetValue<string>().ShouldBe("ACCT-MGMT-404");
    }

    [Fact]
    public async Task TheLabelList_DeclaresNoOrder_SoAnOrderParameterChangesNothing()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.PostAsync("/api/accounts_mgmt/v1/organizations/org-b/labels", """{"kind": "Label", "key": "a-first", "value": "y"}""");
        static IEnumerable<string> Keys(System.Text.Json.Nodes.JsonNode? body) => body!["items"]!.AsArray().Select(l => l!["key"]!.GetValue<string>());

        var (_, plain) = await h.GetAsync("/api/accounts_mgmt/v1/labels");
        var (status, ordered) = await h.GetAsync("/api/accounts_mgmt/v1/labels?order=key%20asc");

        status.ShouldBe(HttpStatusCode.OK);
        Keys(ordered).ShouldBe(Keys(plain));
        Keys(plain).Last().ShouldBe("a-first");
    }
}
