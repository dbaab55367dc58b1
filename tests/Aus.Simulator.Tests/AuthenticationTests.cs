using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Aus.Simulator.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task ClientCredentialsGrant_IssuesBearerTokenThatOpensTheApi()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.GetAsync("/api/clusters_mgmt/v1/clusters");

        status.ShouldBe(HttpStatusCode.OK);
        body!["total"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task RefreshTokenGrant_WithOfflineTokenAndCloudServicesClient_IssuesToken()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed, o => o with { OfflineToken = "offline-123" });
        using var http = new HttpClient();

        using var response = await http.PostAsync(h.Sim.TokenUrl, Form("refresh_token", "cloud-services", refreshToken: "offline-123"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body["token_type"]!.GetValue<string>().ShouldBe("Bearer");
        body["refresh_token"]!.GetValue<string>().ShouldBe("offline-123");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["access_token"]!.GetValue<string>());
        (await http.GetAsync(new Uri(h.Sim.BaseUrl, "/api/clusters_mgmt/v1/version_gates"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefreshTokenGrant_WithWrongOfflineToken_IsInvalidGrant()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        using var http = new HttpClient();

        using var response = await http.PostAsync(h.Sim.TokenUrl, Form("refresh_token", "cloud-services", refreshToken: "not-it"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task ClientCredentialsGrant_WithWrongSecret_IsInvalidClient()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        using var http = new HttpClient();

        using var response = await http.PostAsync(h.Sim.TokenUrl, Form("client_credentials", "aus-sim", secret: "wrong"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>().ShouldBe("invalid_client");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer made-up")]
    [InlineData("Basic YXVzLXNpbTphdXMtc2lt")]
    public async Task ApiRequest_WithoutValidBearerToken_Is401OcmError(string? authorization)
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        using var http = new HttpClient { BaseAddress = h.Sim.BaseUrl };
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.GetAsync(new Uri("/api/clusters_mgmt/v1/clusters", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body["kind"]!.GetValue<string>().ShouldBe("Error");
        body["id"]!.GetValue<string>().ShouldBe("401");
        body["code"]!.GetValue<string>().ShouldBe("CLUSTERS-MGMT-401");
        body["reason"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        body["operation_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ExpiredToken_Is401()
    {
        var time = new ManualTimeProvider(TestFleets.Start);
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed, o => o with { TimeProvider = time, TokenLifetime = TimeSpan.FromMinutes(5) });
        (await h.GetAsync("/api/clusters_mgmt/v1/clusters")).Status.ShouldBe(HttpStatusCode.OK);

        time.Now += TimeSpan.FromMinutes(5);

        (await h.GetAsync("/api/clusters_mgmt/v1/clusters")).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task VirtualClockJump_DoesNotExpireTokens()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        h.Sim.Clock.Advance(TimeSpan.FromDays(30));

        (await h.GetAsync("/api/clusters_mgmt/v1/clusters")).Status.ShouldBe(HttpStatusCode.OK);
    }

    private static FormUrlEncodedContent Form(string grant, string clientId, string? secret = null, string? refreshToken = null)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = grant, ["client_id"] = clientId };
        if (secret is not null)
        {
            fields["client_secret"] = secret;
        }

        if (refreshToken is not null)
        {
            fields["refresh_token"] = refreshToken;
        }

        return new FormUrlEncodedContent(fields);
    }
}
