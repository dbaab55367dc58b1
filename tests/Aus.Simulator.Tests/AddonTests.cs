using System.Net;
using System.Text.Json.Nodes;

namespace Aus.Simulator.Tests;

/// <summary>The simulator's add-ons: the catalog, installed add-ons, v2 upgrade plans and v1 add-on upgrade policies, run on its clock.</summary>
public sealed class AddonTests
{
    private const string Fleet = """
        addonVersions: {addon-a: 1.3.0, addon-b: 2.1.0}
        organizations:
        - orgId: org-a
          clusters:
          - name: a-1
            id: a1
            channel: stable-4.16
            version: 4.16.8
            addons:
            - {id: addon-a, version: 1.2.0}
            - {id: addon-b, version: 2.0.0, state: installing}
        """;

    private const string Plans = "/api/addons_mgmt/v1/clusters/a1/upgrade_plans";
    private const string Policies = "/api/clusters_mgmt/v1/clusters/a1/addon_upgrade_policies";

    [Theory]
    [InlineData("/api/addons_mgmt/v1")]
    [InlineData("/api/clusters_mgmt/v1")]
    public async Task BothServices_ServeTheCatalogAndTheInstalledAddons_SearchableByState(string root)
    {
        await using var h = await SimHarness.StartAsync(Fleet);

        var catalog = (await h.GetAsync($"{root}/addons")).Body!["items"]!.AsArray();
        var ready = (await h.GetAsync($"{root}/clusters/a1/addons?search=state%3D%27ready%27")).Body!["items"]!.AsArray();

        catalog.Select(a => (a!["id"]!.GetValue<string>(), a["version"]!["id"]!.GetValue<string>())).ShouldBe([("addon-a", "1.3.0"), ("addon-b", "2.1.0")]);
        var installed = ready.ShouldHaveSingleItem()!;
        installed["addon"]!["id"]!.GetValue<string>().ShouldBe("addon-a");
        installed["addon_version"]!["id"]!.GetValue<string>().ShouldBe("1.2.0");
    }

    [Fact]
    public async Task APublishedAddonVersion_IsTheCatalogsLatest_AndTheOnlyOneAnUpgradeTakes()
    {
        await using var h = await SimHarness.StartAsync(Fleet);

        h.Sim.PublishAddonVersion("addon-a", "1.4.0");

        var catalog = (await h.GetAsync("/api/addons_mgmt/v1/addons")).Body!["items"]!.AsArray();
        catalog.Select(a => (a!["id"]!.GetValue<string>(), a["version"]!["id"]!.GetValue<string>())).ShouldBe([("addon-a", "1.4.0"), ("addon-b", "2.1.0")]);
        var nextRun = SimHarness.Time(h.Sim.Clock.Now.AddMinutes(6));
        (await h.PostAsync(Plans, $$"""{"version": "1.3.0", "type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "next_run": "{{nextRun}}"}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await h.PostAsync(Plans, $$"""{"version": "1.4.0", "type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "next_run": "{{nextRun}}"}""")).Status.ShouldBe(HttpStatusCode.Created);
        Should.Throw<ArgumentException>(() => h.Sim.PublishAddonVersion("addon-a", "latest"));
    }

    [Fact]
    public async Task AnUpgradePlan_StartsAtItsNextRun_CompletesAfterTheUpgrade_UpgradesTheAddon_AndStaysUntilDeleted()
    {
        await using var h = await SimHarness.StartAsync(Fleet, o => o with { UpgradeDuration = TimeSpan.FromMinutes(30) });
        var nextRun = SimHarness.Time(h.Sim.Clock.Now.AddMinutes(6));

        var (status, plan) = await h.PostAsync(Plans, $$"""{"version": "1.3.0", "type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "next_run": "{{nextRun}}"}""");

        status.ShouldBe(HttpStatusCode.Created);
        plan!["state"]!.GetValue<string>().ShouldBe("scheduled");
        var events = h.Sim.Clock.Advance(TimeSpan.FromHours(1));
        events.Select(e => (e.Kind, e.AddonId, e.State)).ShouldBe([("addon", "addon-a", "started"), ("addon", "addon-a", "completed")]);
        var listed = (await h.GetAsync(Plans)).Body!["items"]!.AsArray().ShouldHaveSingleItem()!;
        listed["state"]!.GetValue<string>().ShouldBe("completed");
        var addon = (await h.GetAsync("/api/addons_mgmt/v1/clusters/a1/addons")).Body!["items"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "addon-a")!;
        addon["addon_version"]!["id"]!.GetValue<string>().ShouldBe("1.3.0");

        (await h.SendAsync(HttpMethod.Delete, $"{Plans}/{listed["id"]!.GetValue<string>()}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await h.GetAsync(Plans)).Body!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task AV1Policy_TakesNoNextRun_AndHasItsStateOnASubResource()
    {
        await using var h = await SimHarness.StartAsync(Fleet);

        var (status, policy) = await h.PostAsync(Policies, """{"version": "1.3.0", "schedule_type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "upgrade_type": "ADDON"}""");

        status.ShouldBe(HttpStatusCode.Created);
        policy!["upgrade_type"]!.GetValue<string>().ShouldBe("ADDON");
        var state = await h.GetAsync($"{Policies}/{policy["id"]!.GetValue<string>()}/state");
        state.Body!["value"]!.GetValue<string>().ShouldBe("scheduled");
        h.Sim.Clock.Advance(TimeSpan.FromSeconds(1));
        (await h.GetAsync($"{Policies}/{policy["id"]!.GetValue<string>()}/state")).Body!["value"]!.GetValue<string>().ShouldBe("started");
    }

    [Theory]
    [InlineData("""{"version": "1.3.0", "type": "manual", "addon_id": "addon-a", "cluster_id": "a1"}""", "Attribute 'next_run' is required for a manual upgrade plan")]
    [InlineData("""{"version": "1.2.9", "type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "next_run": "2026-11-23T13:00:00Z"}""", "Version '1.2.9' of add-on 'addon-a' is not available (latest: 1.3.0)")]
    [InlineData("""{"version": "2.1.0", "type": "manual", "addon_id": "addon-b", "cluster_id": "a1", "next_run": "2026-11-23T13:00:00Z"}""", "Add-on 'addon-b' is not installed and ready on cluster 'a1'")]
    [InlineData("""{"version": "1.3.0", "type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "next_run": "2026-11-23T12:04:00Z"}""", "Can't schedule an upgrade less than 5 minutes in the future: next_run 2026-11-23T12:04:00Z is before 2026-11-23T12:05:00Z")]
    public async Task AnUpgradePlanOCMWouldRefuse_IsRefused(string body, string reason)
    {
        await using var h = await SimHarness.StartAsync(Fleet);

        var (status, error) = await h.PostAsync(Plans, body);

        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["reason"]!.GetValue<string>().ShouldBe(reason);
    }

    [Fact]
    public async Task ASecondPolicyForTheSameAddon_IsRefused()
    {
        await using var h = await SimHarness.StartAsync(Fleet);
        await h.PostAsync(Policies, """{"version": "1.3.0", "schedule_type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "upgrade_type": "ADDON"}""");

        var (status, error) = await h.PostAsync(Policies, """{"version": "1.3.0", "schedule_type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "upgrade_type": "ADDON"}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["reason"]!.GetValue<string>().ShouldBe("There is already an upgrade policy for add-on 'addon-a' of cluster 'a1'");
    }

    [Fact]
    public async Task TheAddonsExampleOfTheRepository_Loads()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aus.slnx")))
        {
            directory = directory.Parent;
        }

        var fleet = await File.ReadAllTextAsync(Path.Combine(directory!.FullName, "examples", "sectors-addons-fleet.yaml"));
        await using var h = await SimHarness.StartAsync(fleet);

        var addons = (await h.GetAsync("/api/addons_mgmt/v1/clusters/prod-4/addons")).Body!["items"]!.AsArray();
        addons.Select(a => a!["state"]!.GetValue<string>()).ShouldBe(["ready", "installing"]);
    }

    [Fact]
    public async Task TheFleetSnapshot_CarriesTheCatalog_TheAddons_AndTheAddonPolicies()
    {
        await using var h = await SimHarness.StartAsync(Fleet);
        await h.PostAsync(Policies, """{"version": "1.3.0", "schedule_type": "manual", "addon_id": "addon-a", "cluster_id": "a1", "upgrade_type": "ADDON"}""");

        var snapshot = JsonNode.Parse(h.Sim.FleetJson())!;

        snapshot["addonVersions"]!["addon-b"]!.GetValue<string>().ShouldBe("2.1.0");
        var cluster = snapshot["organizations"]![0]!["clusters"]![0]!;
        cluster["addons"]!.AsArray().Select(a => a!["state"]!.GetValue<string>()).ShouldBe(["ready", "installing"]);
        var policy = cluster["upgradePolicies"]!.AsArray().ShouldHaveSingleItem()!;
        policy["kind"]!.GetValue<string>().ShouldBe("addon");
        policy["addon"]!.GetValue<string>().ShouldBe("addon-a");
    }
}
