namespace Aus.Simulator.Tests;

public sealed class ReleaseTests
{
    [Fact]
    public async Task Releases_GiveHigherVersionsInTheClustersChannel_Ascending()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.WithReleases);

        var version = (await h.GetAsync("/api/clusters_mgmt/v1/clusters/r1")).Body!["version"]!;

        SimHarness.Strings(version["available_upgrades"]).ShouldBe(["4.16.9", "4.17.2"]);
        SimHarness.Strings(version["available_channels"]).ShouldBe(["stable-4.16", "stable-4.17"]);
    }

    [Fact]
    public async Task FastChannel_SeesItsOwnReleases()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.WithReleases);

        var version = (await h.GetAsync("/api/clusters_mgmt/v1/clusters/r2")).Body!["version"]!;

        SimHarness.Strings(version["available_upgrades"]).ShouldBeEmpty();
        SimHarness.Strings(version["available_channels"]).ShouldBe(["fast-4.16", "fast-4.17"]);
    }

    [Fact]
    public async Task NewRelease_FlowsToTheFleet()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.WithReleases);

        var (status, _) = await h.PostAsync("/_sim/releases", """{"version": "4.16.10", "channels": ["stable-4.16", "fast-4.16"]}""");

        status.ShouldBe(System.Net.HttpStatusCode.Created);
        SimHarness.Strings((await h.GetAsync("/api/clusters_mgmt/v1/clusters/r1")).Body!["version"]!["available_upgrades"]).ShouldBe(["4.16.9", "4.16.10", "4.17.2"]);
        SimHarness.Strings((await h.GetAsync("/api/clusters_mgmt/v1/clusters/r2")).Body!["version"]!["available_upgrades"]).ShouldBe(["4.16.10"]);
        (await h.GetAsync("/_sim/releases")).Body!["releases"]!.AsArray().Count.ShouldBe(5);
    }

    [Fact]
    public async Task ChannelSwitch_ChangesWhatIsOffered()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.WithReleases);

        var (status, body) = await h.PatchAsync("/api/clusters_mgmt/v1/clusters/r1", """{"channel": "stable-4.17"}""");

        status.ShouldBe(System.Net.HttpStatusCode.OK);
        body!["channel"]!.GetValue<string>().ShouldBe("stable-4.17");
        SimHarness.Strings(body["version"]!["available_upgrades"]).ShouldBe(["4.16.9", "4.17.2"]);
    }

    [Fact]
    public async Task ChannelSwitch_ToUnavailableChannel_IsRefused()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.WithReleases);

        var (status, body) = await h.PatchAsync("/api/clusters_mgmt/v1/clusters/r1", """{"channel": "fast-4.17"}""");

        status.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        body!["reason"]!.GetValue<string>().ShouldContain("fast-4.17");
    }

    [Fact]
    public async Task UpgradeWithReleases_RecomputesOffers()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.WithReleases);
        await h.CreatePolicyAsync("r1", "4.16.9", 10);

        h.Sim.Clock.Advance(TimeSpan.FromHours(3));

        var version = (await h.GetAsync("/api/clusters_mgmt/v1/clusters/r1")).Body!["version"]!;
        version["raw_id"]!.GetValue<string>().ShouldBe("4.16.9");
        SimHarness.Strings(version["available_upgrades"]).ShouldBe(["4.17.2"]);
    }

    [Fact]
    public async Task WithoutReleases_StatedOffersStay_AndUpgradeDropsPassedVersions()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        SimHarness.Strings((await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1")).Body!["version"]!["available_channels"]).ShouldBe(["stable-4.16", "stable-4.17"]);
        await h.CreatePolicyAsync("c1", "4.16.9", 10);

        h.Sim.Clock.Advance(TimeSpan.FromHours(3));

        SimHarness.Strings((await h.GetAsync("/api/clusters_mgmt/v1/clusters/c1")).Body!["version"]!["available_upgrades"]).ShouldBe(["4.16.10"]);
    }

    [Fact]
    public async Task WithoutReleases_APostedReleaseIsAddedToMatchingClusters()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        h.Sim.AddRelease("4.16.11", "stable-4.16");

        SimHarness.Strings((await h.GetAsync("/api/clusters_mgmt/v1/clusters/c2")).Body!["version"]!["available_upgrades"]).ShouldBe(["4.16.9", "4.16.11"]);
        SimHarness.Strings((await h.GetAsync("/api/clusters_mgmt/v1/clusters/o1")).Body!["version"]!["available_upgrades"]).ShouldBeEmpty();
    }
}
