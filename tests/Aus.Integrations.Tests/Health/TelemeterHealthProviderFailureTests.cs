using Aus.Application.Health;
using Aus.Domain.Fleet;
using Aus.Integrations.Health;

namespace Aus.Integrations.Tests.Health;

/// <summary>What the telemeter provider sends, and how each way of failing becomes a <see cref="HealthProviderException"/>.</summary>
public sealed class TelemeterHealthProviderFailureTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer server = new();
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(2) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    private TelemeterHealthProvider Provider(string? token = null, string path = "") => new(client, new PrometheusEndpoint(new Uri(server.Url, path), token));

    [Fact]
    public async Task Request_CarriesTheBearerToken_AndTheOrganizationsQuery_UnderTheUrlsPath()
    {
        server.Respond = (_, _) => Task.FromResult((200, """{"status":"success","data":{"resultType":"vector","result":[]}}"""));

        await Provider("s3cret", "telemeter/").QueryAsync(new OrganizationId("org-1"), CancellationToken.None);

        var request = server.Requests.Single();
        request.Headers["Authorization"].ShouldBe("Bearer s3cret");
        request.PathAndQuery.ShouldStartWith("/telemeter/api/v1/query?query=");
        Uri.UnescapeDataString(request.PathAndQuery.Split("query=")[1]).ShouldBe(TelemeterHealthProvider.Query("org-1"));
        TelemeterHealthProvider.Query("org-1").ShouldContain("subscription_labels{organization=\"org-1\"}");
    }

    [Fact]
    public async Task NoToken_SendsNoAuthorization()
    {
        server.Respond = (_, _) => Task.FromResult((200, """{"status":"success","data":{"resultType":"vector","result":[]}}"""));

        await Provider().QueryAsync(new OrganizationId("org-1"), CancellationToken.None);

        server.Requests.Single().Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Theory]
    [InlineData(503, "overloaded", "answered HTTP 503: overloaded")]
    [InlineData(200, "<html>", "is not a Prometheus query result")]
    [InlineData(200, """{"status":"error","error":"parse error"}""", "answered status 'error' (parse error)")]
    [InlineData(200, """{"status":"success","data":{"resultType":"matrix","result":[]}}""", "expected a successful instant vector")]
    [InlineData(200, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"alertname":"X"}}]}}""", "a series without _id or alertname")]
    public async Task BadAnswers_AreProviderFailures(int status, string body, string expected)
    {
        server.Respond = (_, _) => Task.FromResult((status, body));

        var failure = await Should.ThrowAsync<HealthProviderException>(() => Provider().QueryAsync(new OrganizationId("org-1"), CancellationToken.None));

        failure.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task HangingServer_IsAProviderFailure_AfterTheClientsTimeout()
    {
        server.Respond = async (_, stop) =>
        {
            await Task.Delay(Timeout.Infinite, stop);
            return (200, string.Empty);
        };

        var failure = await Should.ThrowAsync<HealthProviderException>(() => Provider().QueryAsync(new OrganizationId("org-1"), CancellationToken.None));

        failure.Message.ShouldContain("did not answer within 2 s");
    }
}
