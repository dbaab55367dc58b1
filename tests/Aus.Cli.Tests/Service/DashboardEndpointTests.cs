using System.Net;
using System.Text.Json;
using Aus.Cli.Service;
using Aus.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Service;

/// <summary>`aus serve`'s dashboard at / and its data under /api/: what the last pass decided, read only.</summary>
public sealed class DashboardEndpointTests
{
    [Fact]
    public async Task AfterAPass_TheDashboardAndTheApiShowEveryClusterWithItsReasonAndThePass()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgB);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State, new StateStoreOptions { ExclusiveProcess = true });
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, settings, http);
        await using var host = await ServiceHost.StartAsync(service, store, TimeProvider.System, NullLoggerFactory.Instance, handleSignals: false, CancellationToken.None);
        await ServiceEndpointTests.WaitUntilReadyAsync(http, host.Address);

        var page = await http.GetAsync(host.Address);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<caption>Clusters of org-a</caption>");
        html.ShouldContain("<th scope=\"row\">a-1</th>");
        html.ShouldContain("<code>upgrade</code> <code>scheduled</code>");
        html.ShouldContain("<th scope=\"row\">b-1</th>");
        html.ShouldContain("<code>invalid-policy</code>");
        html.ShouldContain("<h2>Last passes</h2>");

        using var fleet = JsonDocument.Parse(await http.GetStringAsync(new Uri(host.Address, "/api/fleet")));
        var organizations = fleet.RootElement.GetProperty("environments")[0].GetProperty("organizations");
        organizations.EnumerateArray().Select(o => o.GetProperty("orgId").GetString()).ShouldBe(["org-a", "org-b"]);
        var a1 = organizations[0].GetProperty("clusters")[0];
        (a1.GetProperty("name").GetString(), a1.GetProperty("reason").GetString(), a1.GetProperty("status").GetString()).ShouldBe(("a-1", "scheduled", "upgrading"));
        organizations[1].GetProperty("errors").GetArrayLength().ShouldBeGreaterThan(0);

        using var passes = JsonDocument.Parse(await http.GetStringAsync(new Uri(host.Address, "/api/passes")));
        var pass = passes.RootElement.EnumerateArray().ShouldHaveSingleItem();
        pass.GetProperty("actions").GetInt32().ShouldBe(2);
        pass.GetProperty("errors").EnumerateArray().ShouldContain(e => e.GetString()!.StartsWith("org-b (org-b): b-1: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("DELETE", "/api/fleet")]
    [InlineData("PUT", "/api/passes")]
    public async Task NothingButGet_IsAnswered(string method, string path)
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State, new StateStoreOptions { ExclusiveProcess = true });
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, settings, http);
        await using var host = await ServiceHost.StartAsync(service, store, TimeProvider.System, NullLoggerFactory.Instance, handleSignals: false, CancellationToken.None);

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(host.Address, path)) { Content = new StringContent("{}") };
        (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
