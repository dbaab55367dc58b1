using System.Collections.Immutable;
using Aus.Application.Reconcile;
using Aus.Cli.Service;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Cli.Tests.Service;

/// <summary>The reference's add-on metrics: one info series per ready add-on, and the add-on's remaining soak days.</summary>
public sealed class AddonMetricsTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T11:55:00Z");

    [Fact]
    public async Task AnOrganizationThatManagesAddons_HasAnInfoSeriesPerReadyAddon_WithTheAddonVersion()
    {
        var metrics = await RecordAsync(addonManaged: true);

        var info = metrics.Named("aus_addon_upgrade_policy_info").ShouldHaveSingleItem();
        info.LabelNames.ShouldBe(["integration", "ocm_env", "cluster_uuid", "org_id", "org_name", "channel", "current_version", "cluster_name", "schedule", "sector", "mutexes", "soak_days", "workloads", "product", "hypershift", "addon"]);
        info.Label("addon").ShouldBe("addon-x");
        info.Label("current_version").ShouldBe("1.0.0");
        info.Label("cluster_uuid").ShouldBe("uuid-c1");
        info.Value.ShouldBe(1);
    }

    [Fact]
    public async Task TheAddonsLatestVersion_HasItsRemainingSoakDays()
    {
        var metrics = await RecordAsync(addonManaged: true);

        var remaining = metrics.Single("aus_addon_version_remaining_soak_days", ("addon", "addon-x"), ("soaking_version", "1.1.0"));
        remaining.LabelNames.ShouldBe(["integration", "ocm_env", "cluster_uuid", "soaking_version", "addon"]);
        remaining.Value.ShouldBe(3, "soakDays 3, nothing soaked yet");
    }

    [Fact]
    public async Task TheRemainingSoakDays_CountTheAddonDataInheritedFromAnotherOrganization()
    {
        // The source's clusters soaked addon-x 1.1.0 for 2 days: the inheriting organization's pass decided
        // with those days, so the metric shows 3 - 2 = 1, not the 3 of the organization's own data.
        var source = Organization("source", [Aus.TestKit.Build.Policy("s")]) with { PublishVersionData = [new OrganizationId("org-a")] };
        var policy = Organization("org-a", [Aus.TestKit.Build.Policy("c1", soakDays: 3)]) with
        {
            AddonManagedUpgrades = true,
            InheritVersionData = [new InheritedOrganization(new OrganizationId("source"), null)],
        };
        var cluster = Cluster("c1", "4.16.1") with { Addons = [Addon("addon-x", "1.0.0")] };
        var latest = ImmutableDictionary<string, string>.Empty.Add("addon-x", "1.1.0");
        var inputs = new[]
        {
            new OrganizationInput
            {
                Policy = source with { AddonManagedUpgrades = true },
                AddonHistories = ImmutableDictionary<string, Aus.Domain.History.VersionHistory>.Empty.Add("addon-x", History(Now.AddHours(-1), ("1.1.0", "wl", 2.0, ["s"]))),
            },
            new OrganizationInput { Policy = policy },
        };
        var fleet = new FleetSnapshot([], [new(new OrganizationId("source"), [Cluster("s", "4.16.1")]), new(new OrganizationId("org-a"), [cluster])]) { AddonVersions = latest };
        var plan = FleetPlanner.Plan(new PlanRequest([.. inputs], fleet, Now) { IncludeRemainingSoak = true }).Organizations.Single(o => o.OrgId.Value == "org-a");
        plan.AddonHistories["addon-x"].Versions.ShouldNotContainKey("1.1.0", "the organization's own data has no soak of 1.1.0");

        var metrics = await RecordAsync(cluster, plan);

        metrics.Single("aus_addon_version_remaining_soak_days", ("addon", "addon-x"), ("soaking_version", "1.1.0")).Value.ShouldBe(1, 1e-6);
    }

    [Fact]
    public async Task AnOrganizationThatDoesNotManageAddons_HasNoAddonSeries()
    {
        var metrics = await RecordAsync(addonManaged: false);

        metrics.Named("aus_addon_upgrade_policy_info").ShouldBeEmpty();
        metrics.Named("aus_addon_version_remaining_soak_days").ShouldBeEmpty();
    }

    private static async Task<PrometheusText> RecordAsync(bool addonManaged)
    {
        var policy = Organization("org-a", [Aus.TestKit.Build.Policy("c1", soakDays: 3)]) with { AddonManagedUpgrades = addonManaged };
        var cluster = Cluster("c1", "4.16.1") with { Addons = [Addon("addon-x", "1.0.0"), Addon("addon-y", "2.0.0", "installing")] };
        var latest = new Dictionary<string, string> { ["addon-x"] = "1.1.0", ["addon-y"] = "2.1.0" };
        var fleet = Fleet("org-a", [cluster]) with { AddonVersions = latest.ToImmutableDictionary(StringComparer.Ordinal) };
        var plan = FleetPlanner.Plan(new PlanRequest([new OrganizationInput { Policy = policy }], fleet, Now) { IncludeRemainingSoak = true }).Organizations.Single();
        return await RecordAsync(cluster, plan);
    }

    private static async Task<PrometheusText> RecordAsync(OcmCluster cluster, OrganizationPlan plan)
    {
        var outcome = new OrganizationOutcome(new OrganizationId("org-a"), "org-a", OrganizationPolicy.DefaultEnvironment)
        {
            Plan = plan,
            Fleet = new FleetOrganization(new OrganizationId("org-a"), [cluster]),
        };
        var metrics = new AusMetrics();
        metrics.RecordPass(OrganizationPolicy.DefaultEnvironment.Value, new PassReport(Now, [outcome], TimeSpan.FromSeconds(1)));
        using var stream = new MemoryStream();
        await metrics.WriteAsync(stream, CancellationToken.None);
        return PrometheusText.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
