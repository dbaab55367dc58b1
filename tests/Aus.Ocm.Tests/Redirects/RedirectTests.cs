using Aus.Ocm.Configuration;
using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Redirects;

/// <summary>
/// No credential ever goes to an origin other than the configured one: the real HTTP stack of the
/// client against two loopback servers, the configured origin redirecting to the other.
/// </summary>
public sealed class RedirectTests
{
    private const string Gates = "/api/clusters_mgmt/v1/version_gates";
    private const string Json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    private const string EmptyPage = """{"kind":"List","page":1,"size":0,"total":0,"items":[]}""";
    private const string TokenJson = """{"access_token":"bearer-TOKEN-never-elsewhere","expires_in":300}""";

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task TokenEndpointRedirectingElsewhere_NeverSendsTheSecretThere(int status)
    {
        await using var elsewhere = new LoopbackServer((_, _) => (Json, TokenJson));
        await using var configured = new LoopbackServer((_, _) => ($"HTTP/1.1 {status} Redirect\r\nLocation: {elsewhere.Origin}token\r\n", string.Empty));
        using var client = OcmClient.Create(Options(configured.Origin, configured.Origin) with { RetryCount = 0 });

        var error = await Should.ThrowAsync<OcmApiException>(client.GetVersionGatesAsync(CancellationToken.None));

        elsewhere.Requests.ShouldBeEmpty();
        configured.Requests.Count.ShouldBe(1);
        error.Message.ShouldContain("redirect");
        error.Message.ShouldNotContain(TestClients.ClientSecret);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task ApiRedirectingElsewhere_NeverSendsTheBearerTokenThere(int status)
    {
        await using var elsewhere = new LoopbackServer((_, _) => (Json, EmptyPage));
        await using var configured = new LoopbackServer((_, path) => path == "/token"
            ? (Json, TokenJson)
            : ($"HTTP/1.1 {status} Redirect\r\nLocation: {elsewhere.Origin}{Gates[1..]}\r\n", string.Empty));
        using var client = OcmClient.Create(Options(configured.Origin, configured.Origin) with { RetryCount = 0 });

        var error = await Should.ThrowAsync<OcmApiException>(client.GetVersionGatesAsync(CancellationToken.None));

        elsewhere.Requests.ShouldBeEmpty();
        configured.Requests.Where(r => r.StartsWith("GET", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("Bearer bearer-TOKEN-never-elsewhere");
        error.Message.ShouldContain("redirect");
        error.Message.ShouldContain(elsewhere.Origin.Authority);
    }

    private static OcmClientOptions Options(Uri api, Uri token) => new()
    {
        BaseUrl = api,
        TokenUrl = new Uri(token, "/token"),
        Credentials = OcmCredentials.ForClient(TestClients.ClientId, TestClients.ClientSecret),
    };
}
