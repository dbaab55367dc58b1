using System.Net;
using Aus.Ocm.Configuration;
using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Http;

public sealed class ResilienceTests
{
    private const string Gates = "/api/clusters_mgmt/v1/version_gates";
    private static readonly string EmptyPage = """{"kind":"List","page":1,"size":0,"total":0,"items":[]}""";

    [Fact]
    public async Task AReadIsRetriedAfter503WithoutRealWaiting()
    {
        var attempts = 0;
        var ocm = new FakeOcmHandler().On("GET", Gates, _ =>
            ++attempts < 3 ? FakeOcmHandler.Error(HttpStatusCode.ServiceUnavailable, "CLUSTERS-MGMT-503", "busy") : FakeOcmHandler.Json(EmptyPage));
        var time = FakeTime.Create();
        using var client = TestClients.Create(ocm, time);

        var gates = await time.DriveAsync(client.GetVersionGatesAsync(CancellationToken.None));

        gates.ShouldBeEmpty();
        attempts.ShouldBe(3);
        client.CallCounts.For(OcmEndpoints.VersionGates, "503").ShouldBe(2);
        client.CallCounts.For(OcmEndpoints.VersionGates, "200").ShouldBe(1);
    }

    [Fact]
    public async Task A429IsRetriedAfterTheRetryAfterDelay()
    {
        var seen = new List<DateTimeOffset>();
        var time = FakeTime.Create();
        var ocm = new FakeOcmHandler().On("GET", Gates, _ =>
        {
            seen.Add(time.GetUtcNow());
            if (seen.Count > 1)
            {
                return FakeOcmHandler.Json(EmptyPage);
            }

            var tooMany = FakeOcmHandler.Error(HttpStatusCode.TooManyRequests, "CLUSTERS-MGMT-429", "slow down");
            tooMany.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return tooMany;
        });
        var log = new CapturingLoggerProvider();
        using var client = TestClients.Create(ocm, time, loggers: log);

        await time.DriveAsync(client.GetVersionGatesAsync(CancellationToken.None));

        seen.Count.ShouldBe(2);
        (seen[1] - seen[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        log.All.ShouldContain("in 30000 ms");
    }

    [Theory]
    [InlineData(86400, 60, 60)]
    [InlineData(86400, 5, 5)]
    [InlineData(3, 60, 3)]
    public async Task RetryAfter_IsObeyedUpToItsCap(int retryAfterSeconds, int capSeconds, int expectedWaitSeconds)
    {
        var seen = new List<DateTimeOffset>();
        var time = FakeTime.Create();
        var ocm = new FakeOcmHandler().On("GET", Gates, _ =>
        {
            seen.Add(time.GetUtcNow());
            if (seen.Count > 1)
            {
                return FakeOcmHandler.Json(EmptyPage);
            }

            var tooMany = FakeOcmHandler.Error(HttpStatusCode.TooManyRequests, "CLUSTERS-MGMT-429", "slow down");
            tooMany.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
            return tooMany;
        });
        var options = TestClients.Options() with { MaxRetryAfter = TimeSpan.FromSeconds(capSeconds) };
        using var client = TestClients.Create(ocm, time, options);

        await time.DriveAsync(client.GetVersionGatesAsync(CancellationToken.None));

        seen.Count.ShouldBe(2);
        // Fake time moves a second at a time, so the wait is seen to within a second.
        (seen[1] - seen[0]).ShouldBeInRange(TimeSpan.FromSeconds(expectedWaitSeconds), TimeSpan.FromSeconds(expectedWaitSeconds + 1));
    }

    [Fact]
    public void MaxRetryAfter_DefaultsToAMinute_AndMustNotBeNegative()
    {
        new OcmClientOptions().MaxRetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
        (TestClients.Options() with { MaxRetryAfter = TimeSpan.FromSeconds(-1) }).Validate()
            .ShouldContain(e => e.Contains("Retry-After cap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadsGiveUpAfterTheRetryCountWithTheDecodedError()
    {
        var ocm = new FakeOcmHandler().On("GET", Gates, _ => FakeOcmHandler.Error(HttpStatusCode.BadGateway, "CLUSTERS-MGMT-502", "upstream down", "op-502"));
        var time = FakeTime.Create();
        using var client = TestClients.Create(ocm, time, TestClients.Options() with { RetryCount = 2 });

        var error = await Should.ThrowAsync<OcmApiException>(time.DriveAsync(client.GetVersionGatesAsync(CancellationToken.None)));

        ocm.Api.Count().ShouldBe(3);
        error.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        error.OutcomeUnknown.ShouldBeTrue();
        error.OperationId.ShouldBe("op-502");
    }

    [Fact]
    public async Task AnAttemptWithoutAnswerTimesOutOnTheTimeProviderAndIsRetried()
    {
        var attempts = 0;
        var ocm = new FakeOcmHandler().OnAsync("GET", Gates, async (_, ct) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return FakeOcmHandler.Json(EmptyPage);
        });
        var time = FakeTime.Create();
        using var client = TestClients.Create(ocm, time, TestClients.Options() with { Timeout = TimeSpan.FromSeconds(10) });

        await time.DriveAsync(client.GetVersionGatesAsync(CancellationToken.None));

        attempts.ShouldBe(2);
        client.CallCounts.For(OcmEndpoints.VersionGates, "no-response").ShouldBe(1);
    }

    [Fact]
    public async Task ATransportErrorOnAReadIsRetried()
    {
        var attempts = 0;
        var ocm = new FakeOcmHandler().On("GET", Gates, _ =>
            ++attempts == 1 ? throw new HttpRequestException("connection reset") : FakeOcmHandler.Json(EmptyPage));
        var time = FakeTime.Create();
        using var client = TestClients.Create(ocm, time);

        await time.DriveAsync(client.GetVersionGatesAsync(CancellationToken.None));

        attempts.ShouldBe(2);
    }

    [Fact]
    public async Task ACreateIsNotRetriedByThePipeline()
    {
        var ocm = new FakeOcmHandler().On("POST", "/api/service_logs/v1/cluster_logs", _ =>
            FakeOcmHandler.Error(HttpStatusCode.ServiceUnavailable, "SERVICE-LOGS-503", "busy"));
        var time = FakeTime.Create();
        using var client = TestClients.Create(ocm, time);

        var error = await Should.ThrowAsync<OcmApiException>(time.DriveAsync(
            client.CreateServiceLogAsync(new ServiceLogEntry("uuid", ServiceLogEntry.AusServiceName, "s", "d", "Moderate"), CancellationToken.None)));

        error.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ocm.To("POST", "/api/service_logs/v1/cluster_logs").Count().ShouldBe(1);
    }

    [Fact]
    public async Task ConcurrentCallsNeverExceedTheConfiguredBound()
    {
        const int bound = 3;
        var inFlight = 0;
        var maxInFlight = 0;
        var allowed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ocm = new FakeOcmHandler().OnAsync("GET", "/api/accounts_mgmt/v1/organizations/.*/labels", async (_, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            if (now == bound)
            {
                allowed.TrySetResult();
            }

            // Each call waits until the bound is reached, so the test proves that many run at once, and no more.
            await allowed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            Interlocked.Decrement(ref inFlight);
            return FakeOcmHandler.Json(EmptyPage);
        });
        using var client = TestClients.Create(ocm, options: TestClients.Options() with { MaxConcurrency = bound });

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.GetOrganizationLabelsAsync(new($"org-{i}"), CancellationToken.None)));

        maxInFlight.ShouldBe(bound);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
