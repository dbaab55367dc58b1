using System.Net;
using System.Text.Json.Nodes;

namespace Aus.Simulator.Tests;

public sealed class UpgradeLifecycleTests
{
    [Fact]
    public async Task ClassicUpgrade_ScheduledThenStartedThenCompletedAndRemoved()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed, o => o with { UpgradeDuration = TimeSpan.FromMinutes(90) });
        var (_, created) = await h.CreatePolicyAsync("c1", "4.16.9", minutesAhead: 60);
        var state = $"/api/clusters_mgmt/v1/clusters/c1/upgrade_policies/{created!["id"]!.GetValue<string>()}/state";

        h.Sim.Clock.Advance(TimeSpan.FromMinutes(59));
        (await h.GetAsync(state)).Body!["value"]!.GetValue<string>().ShouldBe("scheduled");

        h.Sim.Clock.Advance(TimeSpan.FromMinutes(1));
        (await h.GetAsync(state)).Body!["value"]!.GetValue<string>().ShouldBe("started");
        (await Cluster(h, "c1"))["version"]!["raw_id"]!.GetValue<string>().ShouldBe("4.16.8");

        h.Sim.Clock.Advance(TimeSpan.FromMinutes(90));
        var cluster = await Cluster(h, "c1");
        cluster["version"]!["raw_id"]!.GetValue<string>().ShouldBe("4.16.9");
        SimHarness.Strings(cluster["version"]!["available_upgrades"]).ShouldBe(["4.16.10"]);
        (await h.GetAsync(state)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1/upgrade_policies")).Body!["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task OneLongJump_RunsEveryTransitionInTimeOrder()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed, o => o with { UpgradeDuration = TimeSpan.FromMinutes(30) });
        await h.CreatePolicyAsync("c2", "4.16.9", minutesAhead: 120);
        await h.CreatePolicyAsync("c1", "4.16.10", minutesAhead: 10);

        var events = h.Sim.Clock.Advance(TimeSpan.FromDays(1));

        events.Select(e => (e.ClusterId, e.State, e.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(
        [
            ("c1", "started", "12:10"),
            ("c1", "completed", "12:40"),
            ("c2", "started", "14:00"),
            ("c2", "completed", "14:30"),
        ]);
        h.Sim.Clock.Now.ShouldBe(TestFleets.Start.AddDays(1));
    }

    [Fact]
    public async Task ControlPlaneUpgrade_ChangesTheClusterVersion_StateInline()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        var (_, created) = await h.CreatePolicyAsync("h1", "4.16.10", 10, "control_plane/upgrade_policies");
        var path = $"/api/clusters_mgmt/v1/clusters/h1/control_plane/upgrade_policies/{created!["id"]!.GetValue<string>()}";

        h.Sim.Clock.Advance(TimeSpan.FromMinutes(10));
        (await h.GetAsync(path)).Body!["state"]!["value"]!.GetValue<string>().ShouldBe("started");
        h.Sim.Clock.Advance(TimeSpan.FromMinutes(90));

        (await Cluster(h, "h1"))["version"]!["raw_id"]!.GetValue<string>().ShouldBe("4.16.10");
        (await h.GetAsync(path)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NodePoolUpgrade_ChangesOnlyThatPool()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.CreatePolicyAsync("h1", "4.16.9", 10, "node_pools/workers/upgrade_policies");

        h.Sim.Clock.Advance(TimeSpan.FromHours(2));

        var (_, pools) = await h.GetAsync("/api/clusters_mgmt/v1/clusters/h1/node_pools");
        pools!["items"]!.AsArray().Select(p => (p!["id"]!.GetValue<string>(), p["version"]!["raw_id"]!.GetValue<string>()))
            .ShouldBe([("workers", "4.16.9"), ("infra", "4.16.9")]);
        (await Cluster(h, "h1"))["version"]!["raw_id"]!.GetValue<string>().ShouldBe("4.16.9");
    }

    [Fact]
    public async Task FailureRateOne_LeavesPolicyFailedAndClusterOnItsVersion()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed, o => o with { FailureRate = 1 });
        var (_, created) = await h.CreatePolicyAsync("c1", "4.16.9", 10);

        h.Sim.Clock.Advance(TimeSpan.FromHours(3));

        var (_, state) = await h.GetAsync($"/api/clusters_mgmt/v1/clusters/c1/upgrade_policies/{created!["id"]!.GetValue<string>()}/state");
        state!["value"]!.GetValue<string>().ShouldBe("failed");
        (await Cluster(h, "c1"))["version"]!["raw_id"]!.GetValue<string>().ShouldBe("4.16.8");
    }

    [Fact]
    public async Task FailureRate_IsDeterministicForASeed()
    {
        async Task<string[]> OutcomesAsync(int seed)
        {
            await using var h = await SimHarness.StartAsync(TestFleets.Many(20), o => o with { FailureRate = 0.5, Seed = seed });
            for (var i = 1; i <= 20; i++)
            {
                await h.CreatePolicyAsync($"c-{i:D3}", "4.16.9", 10 + i);
            }

            return [.. h.Sim.Clock.Advance(TimeSpan.FromDays(1)).Where(e => e.State != "started").Select(e => $"{e.ClusterId}:{e.State}")];
        }

        var first = await OutcomesAsync(7);
        var again = await OutcomesAsync(7);

        again.ShouldBe(first);
        first.ShouldContain(o => o.EndsWith(":failed", StringComparison.Ordinal));
        first.ShouldContain(o => o.EndsWith(":completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClockEndpoints_ReadSetAndAdvance_NeverBackwards()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        (await h.GetAsync("/_sim/clock")).Body!["now"]!.GetValue<string>().ShouldBe("2026-11-23T12:00:00Z");
        (await h.PutAsync("/_sim/clock", """{"now": "2026-11-24T00:00:00Z"}""")).Body!["now"]!.GetValue<string>().ShouldBe("2026-11-24T00:00:00Z");
        (await h.PostAsync("/_sim/clock/advance", """{"seconds": 3600}""")).Body!["now"]!.GetValue<string>().ShouldBe("2026-11-24T01:00:00Z");
        (await h.PostAsync("/_sim/clock/advance", """{"duration": "PT30M"}""")).Body!["now"]!.GetValue<string>().ShouldBe("2026-11-24T01:30:00Z");
        (await h.PutAsync("/_sim/clock", """{"now": "2026-11-23T00:00:00Z"}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ClockAdvanceEndpoint_ReportsTransitions()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.CreatePolicyAsync("c1", "4.16.9", 10);

        var (_, body) = await h.PostAsync("/_sim/clock/advance", """{"duration": "PT15M"}""");

        var e = body!["events"]!.AsArray().ShouldHaveSingleItem()!;
        e["cluster"]!.GetValue<string>().ShouldBe("classic-1");
        e["state"]!.GetValue<string>().ShouldBe("started");
    }

    private static async Task<JsonNode> Cluster(SimHarness h, string id) => (await h.GetAsync($"/api/clusters_mgmt/v1/clusters/{id}")).Body!;
}
