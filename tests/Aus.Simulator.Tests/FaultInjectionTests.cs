using System.Net;
using System.Net.Http.Headers;

namespace Aus.Simulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ErrorRate_503_FailsAboutThatShareOfApiRequests_WithOcmErrorBody()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed, o => o with { Seed = 3 });
        (await h.PutAsync("/_sim/faults", """{"errorRates": {"503": 0.5}}""")).Status.ShouldBe(HttpStatusCode.OK);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            statuses.Add((await h.GetAsync("/api/clusters_mgmt/v1/version_gates")).Status);
        }

        var failures = statuses.Count(s => s == HttpStatusCode.ServiceUnavailable);
        failures.ShouldBeInRange(15, 45);
        statuses.Where(s => s != HttpStatusCode.ServiceUnavailable).ShouldAllBe(s => s == HttpStatusCode.OK);
        h.Sim.Stats.Count("GET /api/clusters_mgmt/v1/version_gates", 503).ShouldBe(failures);
    }

    [Fact]
    public async Task Faults_DoNotTouchSimControlsOrTokenEndpoint()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        h.Sim.Faults = new FaultSettings { ErrorRates = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange([new KeyValuePair<int, double>(500, 1.0)]) };

        (await h.GetAsync("/_sim/clock")).Status.ShouldBe(HttpStatusCode.OK);
        await SimHarness.ClientCredentialsTokenAsync(h.Http, h.Sim.TokenUrl, "aus-sim", "aus-sim");
        (await h.GetAsync("/api/clusters_mgmt/v1/clusters")).Status.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Rate429_AnswersTooManyRequestsWithRetryAfter()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.PutAsync("/_sim/faults", """{"rate429": 1, "retryAfterSeconds": 7}""");

        using var response = await h.Http.GetAsync(new Uri("/api/clusters_mgmt/v1/clusters", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldBe(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public async Task DropRate_AbortsTheConnectionWithoutResponse()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.PutAsync("/_sim/faults", """{"dropRate": 1}""");

        await Should.ThrowAsync<HttpRequestException>(() => h.Http.GetAsync(new Uri("/api/clusters_mgmt/v1/clusters", UriKind.Relative)));

        h.Sim.Stats.Count("GET /api/clusters_mgmt/v1/clusters", SimulatorStats.Dropped).ShouldBe(1);
    }

    [Fact]
    public async Task FaultsEndpoint_RoundTripsAndRejectsNonsense()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (status, body) = await h.PutAsync("/_sim/faults", """{"latencyMs": 1, "errorRates": {"500": 0.1}, "rate429": 0.1, "retryAfterSeconds": 2, "dropRate": 0.05}""");
        var bad = await h.PutAsync("/_sim/faults", """{"dropRate": 2, "typo": 1}""");

        status.ShouldBe(HttpStatusCode.OK);
        body!["errorRates"]!["500"]!.GetValue<double>().ShouldBe(0.1);
        (await h.GetAsync("/_sim/faults")).Body!["dropRate"]!.GetValue<double>().ShouldBe(0.05);
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Body!["error"]!.GetValue<string>().ShouldContain("typo");
        bad.Body!["error"]!.GetValue<string>().ShouldContain("dropRate");
    }

    [Fact]
    public async Task SameSeed_SameFaultSequence()
    {
        async Task<string> SequenceAsync()
        {
            await using var h = await SimHarness.StartAsync(TestFleets.Mixed, o => o with { Seed = 11 });
            await h.PutAsync("/_sim/faults", """{"errorRates": {"500": 0.3, "503": 0.3}}""");
            var codes = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                codes.Add((int)(await h.GetAsync("/api/clusters_mgmt/v1/version_gates")).Status);
            }

            return string.Join(",", codes);
        }

        (await SequenceAsync()).ShouldBe(await SequenceAsync());
    }
}
