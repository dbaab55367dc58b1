using System.Net;
using Aus.Ocm.Configuration;
using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Auth;

public sealed class TokenTests
{
    private const string Gates = "/api/clusters_mgmt/v1/version_gates";
    private static readonly string EmptyPage = """{"kind":"List","page":1,"size":0,"total":0,"items":[]}""";

    [Fact]
    public async Task ASecond401InARowIsAnErrorNotAnEndlessRenewal()
    {
        var ocm = new FakeOcmHandler().On("GET", Gates, _ => FakeOcmHandler.Error(HttpStatusCode.Unauthorized, "CLUSTERS-MGMT-401", "token expired"));
        using var client = TestClients.Create(ocm);

        var error = await Should.ThrowAsync<OcmApiException>(client.GetVersionGatesAsync(CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ocm.To("GET", Gates).Select(r => r.Authorization).ShouldBe(["Bearer token-1", "Bearer token-2"]);
    }

    [Fact]
    public async Task RequestsCarryTheCachedTokenUntilItIsDueForRenewal()
    {
        var ocm = new FakeOcmHandler { TokenLifetimeSeconds = 300 }.On("GET", Gates, _ => FakeOcmHandler.Json(EmptyPage));
        var time = FakeTime.Create();
        using var client = TestClients.Create(ocm, time);

        await client.GetVersionGatesAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(269));
        await client.GetVersionGatesAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await client.GetVersionGatesAsync(CancellationToken.None);

        // A token is renewed a tenth of its lifetime (at most a minute) early: 30 s for a 300 s token.
        ocm.To("GET", Gates).Select(r => r.Authorization).ShouldBe(["Bearer token-1", "Bearer token-1", "Bearer token-2"]);
    }

    [Fact]
    public async Task ConcurrentCallsShareOneTokenRequest()
    {
        var ocm = new FakeOcmHandler().On("GET", "/api/accounts_mgmt/v1/organizations/.*/labels", _ => FakeOcmHandler.Json(EmptyPage));
        using var client = TestClients.Create(ocm);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetOrganizationLabelsAsync(new($"o{i}"), CancellationToken.None)));

        ocm.TokenRequests.Count().ShouldBe(1);
    }

    [Fact]
    public async Task ARefusedGrantNamesTheOAuthErrorButNeverTheSecret()
    {
        var ocm = new FakeOcmHandler().On("POST", "/token", _ =>
            FakeOcmHandler.Json("""{"error":"unauthorized_client","error_description":"Invalid client secret"}""", HttpStatusCode.Unauthorized));
        var log = new CapturingLoggerProvider();
        using var client = TestClients.Create(ocm, loggers: log);

        var error = await Should.ThrowAsync<OcmApiException>(client.GetVersionGatesAsync(CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Code.ShouldBe("unauthorized_client");
        error.Message.ShouldBe(
            "OCM call POST /token failed: 401 Unauthorized [unauthorized_client]: the token endpoint refused the client_credentials grant: unauthorized_client (Invalid client secret)");
        error.ToString().ShouldNotContain(TestClients.ClientSecret);
        log.All.ShouldNotContain(TestClients.ClientSecret);
        ocm.Api.ShouldBeEmpty();
    }

    [Fact]
    public async Task ATokenEndpointOutageIsRetried()
    {
        var attempts = 0;
        var ocm = new FakeOcmHandler()
            .On("GET", Gates, _ => FakeOcmHandler.Json(EmptyPage))
            .On("POST", "/token", _ => ++attempts == 1
                ? FakeOcmHandler.Json("{}", HttpStatusCode.BadGateway)
                : FakeOcmHandler.Json("""{"access_token":"later","expires_in":60}"""));
        var time = FakeTime.Create();
        using var client = TestClients.Create(ocm, time, TestClients.Options(OcmCredentials.ForOfflineToken(TestClients.OfflineToken)));

        await time.DriveAsync(client.GetVersionGatesAsync(CancellationToken.None));

        attempts.ShouldBe(2);
        ocm.TokenRequests.Last().Body.ShouldBe($"grant_type=refresh_token&client_id=cloud-services&refresh_token={TestClients.OfflineToken}");
        ocm.To("GET", Gates).Single().Authorization.ShouldBe("Bearer later");
    }
}
