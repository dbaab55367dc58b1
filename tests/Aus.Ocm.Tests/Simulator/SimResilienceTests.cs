using System.Collections.Immutable;
using System.Net;
using Aus.Domain.Fleet;
using Aus.Ocm.Tests.Support;
using Aus.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace Aus.Ocm.Tests.Simulator;

public sealed class SimResilienceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AReadThatGets503IsRetriedOnFakeTime()
    {
        var time = new FakeTimeProvider(SimFleets.Start);
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed, clientTime: time);
        sim.Sim.Faults = new FaultSettings { ErrorRates = ImmutableSortedDictionary<int, double>.Empty.Add(503, 1) };
        sim.Wire.After = (_, response) =>
        {
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                sim.Sim.Faults = FaultSettings.None;
            }
        };

        var gates = await time.DriveAsync(sim.Client.GetVersionGatesAsync(None));

        gates.Length.ShouldBe(3);
        sim.Client.CallCounts.For(OcmEndpoints.VersionGates, "503").ShouldBe(1);
        sim.Client.CallCounts.For(OcmEndpoints.VersionGates, "200").ShouldBe(1);
        sim.Sim.Stats.Count("GET /api/clusters_mgmt/v1/version_gates").ShouldBe(2);
    }

    [Fact]
    public async Task AReadThatGets429WaitsForRetryAfter()
    {
        var time = new FakeTimeProvider(SimFleets.Start);
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed, clientTime: time);
        sim.Sim.Faults = new FaultSettings { Rate429 = 1, RetryAfterSeconds = 7 };
        var seen = new List<DateTimeOffset>();
        sim.Wire.After = (request, response) =>
        {
            if (request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                seen.Add(time.GetUtcNow());
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                sim.Sim.Faults = FaultSettings.None;
            }
        };

        await time.DriveAsync(sim.Client.GetVersionGatesAsync(None));

        seen.Count.ShouldBe(2);
        (seen[1] - seen[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7));
        sim.Log.All.ShouldContain("in 7000 ms");
        sim.Client.CallCounts.For(OcmEndpoints.VersionGates, "429").ShouldBe(1);
    }

    [Fact]
    public async Task PerClusterReadsRunInParallelUpToTheBound()
    {
        const int bound = 4;
        await using var sim = await SimClient.StartAsync(SimFleets.Many(12), configureClient: o => o with { MaxConcurrency = bound });
        var inFlight = 0;
        var maxInFlight = 0;
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var policyReads = 0;
        sim.Wire.Before = async (request, ct) =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/upgrade_policies", StringComparison.Ordinal))
            {
                return;
            }

            Interlocked.Increment(ref policyReads);
            var now = Interlocked.Increment(ref inFlight);
            int seen;
            while ((seen = Volatile.Read(ref maxInFlight)) < now && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
            {
            }

            if (now == bound)
            {
                full.TrySetResult();
            }

            // Hold every read until the bound is reached: the pass only finishes if it really runs that many at once.
            await full.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            Interlocked.Decrement(ref inFlight);
        };

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-many")], None);

        result.Errors.ShouldBeEmpty();
        policyReads.ShouldBe(12);
        maxInFlight.ShouldBe(bound);
    }
}
