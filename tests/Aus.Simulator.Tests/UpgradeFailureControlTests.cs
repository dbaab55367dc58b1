using System.Net;

namespace Aus.Simulator.Tests;

/// <summary>
/// Failing upgrades on demand: the first clusters that start an upgrade to a version fail it, once
/// each; and a failed policy that OCM forgets after the retention.
/// </summary>
public sealed class UpgradeFailureControlTests
{
    [Fact]
    public async Task TheFirstClustersToStartTheVersion_FailIt_OnceEach()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Many(3));
        h.Sim.FailUpgrades("4.16.9", clusters: 2);
        await h.CreatePolicyAsync("c-001", "4.16.9", 10);
        await h.CreatePolicyAsync("c-002", "4.16.9", 20);
        await h.CreatePolicyAsync("c-003", "4.16.9", 30);

        var ended = h.Sim.Clock.Advance(TimeSpan.FromHours(3)).Where(e => e.State != "started").Select(e => $"{e.ClusterId}:{e.State}");

        ended.ShouldBe(["c-001:failed", "c-002:failed", "c-003:completed"]);
    }

    [Fact]
    public async Task AClusterThatFailedOnce_SucceedsItsNextAttempt()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Many(1), o => o with { FailedPolicyRetention = TimeSpan.FromHours(1) });
        h.Sim.FailUpgrades("4.16.9", clusters: 2);
        await h.CreatePolicyAsync("c-001", "4.16.9", 10);
        h.Sim.Clock.Advance(TimeSpan.FromHours(4)).Select(e => e.State).ShouldBe(["started", "failed", "forgotten"]);

        await h.CreatePolicyAsync("c-001", "4.16.9", 10);

        h.Sim.Clock.Advance(TimeSpan.FromHours(3)).Select(e => e.State).ShouldBe(["started", "completed"]);
    }

    [Fact]
    public async Task WithoutRetention_AFailedPolicyStays()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Many(1));
        h.Sim.FailUpgrades("4.16.9", clusters: 1);
        var (_, created) = await h.CreatePolicyAsync("c-001", "4.16.9", 10);

        h.Sim.Clock.Advance(TimeSpan.FromDays(30));

        var (status, state) = await h.GetAsync($"/api/clusters_mgmt/v1/clusters/c-001/upgrade_policies/{created!["id"]!.GetValue<string>()}/state");
        status.ShouldBe(HttpStatusCode.OK);
        state!["value"]!.GetValue<string>().ShouldBe("failed");
    }

    [Fact]
    public async Task TheControlEndpoint_SetsTheFailures_AndRefusesBadInput()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Many(1));

        var (ok, body) = await h.PutAsync("/_sim/upgrade-failures", """{"version": "4.16.9", "clusters": 1}""");
        var (bad, error) = await h.PutAsync("/_sim/upgrade-failures", """{"version": "4.16.9", "clusters": -1}""");

        ok.ShouldBe(HttpStatusCode.OK);
        body!["clusters"]!.GetValue<int>().ShouldBe(1);
        bad.ShouldBe(HttpStatusCode.BadRequest);
        error!["error"]!.GetValue<string>().ShouldContain("clusters must be an integer >= 0");
        await h.CreatePolicyAsync("c-001", "4.16.9", 10);
        h.Sim.Clock.Advance(TimeSpan.FromHours(3)).Select(e => e.State).ShouldBe(["started", "failed"]);
    }
}
