using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Ocm.Actions;
using Aus.Domain.Versions;

namespace Aus.Ocm.Tests.Simulator;

/// <summary>Add-ons over loopback: the client reads and writes them in the add-on service the environment uses, and the simulator runs them.</summary>
public sealed class SimAddonTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>
    /// a1: two ready add-ons and one installing, a completed plan of addon-a; a2: one ready add-on
    /// already at the latest version, no plan; a3: no add-ons. org-b: no add-ons either.
    /// </summary>
    private const string Fleet = """
        addonVersions:
          addon-a: 1.3.0
          addon-b: 2.1.0
          addon-c: 0.2.0
        organizations:
        - orgId: org-a
          clusters:
          - name: a-1
            id: a1
            channel: stable-4.16
            version: 4.16.8
            addons:
            - {id: addon-a, version: 1.3.0}
            - {id: addon-b, version: 2.0.0, state: ready}
            - {id: addon-c, version: 0.1.0, state: installing}
            upgradePolicies:
            - {id: plan-1, kind: addon, addon: addon-a, version: 1.3.0, nextRun: "2026-11-23T11:00:00Z", state: completed}
          - name: a-2
            id: a2
            channel: stable-4.16
            version: 4.16.8
            addons:
            - {id: addon-b, version: 2.1.0}
          - {name: a-3, id: a3, channel: stable-4.16, version: 4.16.8}
        - orgId: org-b
          clusters:
          - {name: b-1, id: b1, channel: stable-4.16, version: 4.16.8}
        """;

    private static readonly HashSet<OrganizationId> AddonOrgs = [new OrganizationId("org-a")];

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public async Task TheFleetRead_GivesTheCatalog_ReadyAddons_AndAddonPolicies(string service)
    {
        await using var sim = await SimClient.StartAsync(Fleet, configureClient: o => o with { AddonService = service });

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a"), new OrganizationId("org-b")], AddonOrgs, None);

        result.Errors.ShouldBeEmpty();
        result.Snapshot.AddonVersions.ShouldBe(new Dictionary<string, string> { ["addon-a"] = "1.3.0", ["addon-b"] = "2.1.0", ["addon-c"] = "0.2.0" }, ignoreOrder: true);
        var clusters = result.Snapshot.Find(new OrganizationId("org-a"))!.Clusters;
        var a1 = clusters.Single(c => c.Name == "a-1");
        a1.Addons.ShouldBe([new InstalledAddon("addon-a", "1.3.0", "ready"), new InstalledAddon("addon-b", "2.0.0", "ready")]);
        var plan = a1.AddonUpgradePolicies.ShouldHaveSingleItem();
        plan.Id.ShouldBe("plan-1");
        plan.Kind.ShouldBe(UpgradePolicyKind.Addon);
        plan.AddonId.ShouldBe("addon-a");
        plan.State.ShouldBe(UpgradePolicyState.Completed);
        plan.ScheduleType.ShouldBe("manual");
        a1.UpgradePolicies.ShouldBeEmpty();
        clusters.Single(c => c.Name == "a-3").Addons.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("v2", OcmEndpoints.Addons, OcmEndpoints.ClusterAddons, OcmEndpoints.UpgradePlans)]
    [InlineData("v1", OcmEndpoints.ClustersMgmtAddons, OcmEndpoints.ClustersMgmtClusterAddons, OcmEndpoints.AddonUpgradePolicies)]
    public async Task TheFleetRead_ListsPoliciesOnlyForClustersWithAddons(string service, string catalog, string installed, string policies)
    {
        await using var sim = await SimClient.StartAsync(Fleet, configureClient: o => o with { AddonService = service });

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a"), new OrganizationId("org-b")], AddonOrgs, None);

        result.Calls.For(catalog).ShouldBe(1);
        result.Calls.For(installed).ShouldBe(3, "one per cluster of the organization that manages add-ons");
        result.Calls.For(policies).ShouldBe(2, "only a-1 and a-2 have ready add-ons");
    }

    [Fact]
    public async Task WithoutAddonOrganizations_NoAddonCallIsMade()
    {
        await using var sim = await SimClient.StartAsync(Fleet);

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a"), new OrganizationId("org-b")], None);

        result.Calls.Calls.ShouldNotContain(c => c.Endpoint.Contains("addon", StringComparison.Ordinal) || c.Endpoint.Contains("upgrade_plans", StringComparison.Ordinal));
        result.Snapshot.Find(new OrganizationId("org-a"))!.Clusters.ShouldAllBe(c => c.Addons.IsEmpty);
    }

    [Fact]
    public async Task AnUnknownAddonService_IsAnErrorOfTheAddonOrganizationsOnly()
    {
        await using var sim = await SimClient.StartAsync(Fleet, configureClient: o => o with { AddonService = "v3" });

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a"), new OrganizationId("org-b")], AddonOrgs, None);

        var error = result.Errors.ShouldHaveSingleItem();
        error.OrgId.Value.ShouldBe("org-a");
        error.Message.ShouldBe("the add-on service version of this OCM environment is 'v3'; expected v1 (the cluster service) or v2 (the add-ons service)");
        result.Snapshot.Find(new OrganizationId("org-b")).ShouldNotBeNull();
    }

    [Fact]
    public async Task V2_CreatesAnUpgradePlanWithItsNextRun_DeletesOne_AndTheSimulatorRunsIt()
    {
        await using var sim = await SimClient.StartAsync(Fleet);
        var bodies = RecordBodies(sim);
        var nextRun = SimFleets.Start.AddMinutes(6);
        PlannedAction[] actions =
        [
            new DeleteUpgradePolicy("a-1", new ClusterId("a1"), UpgradePolicyKind.Addon, "plan-1") { Addon = "addon-a" },
            new CreateUpgradePolicy("a-1", new ClusterId("a1"), UpgradePolicyKind.Addon, OpenShiftVersion.Parse("2.1.0"), nextRun) { Addon = "addon-b" },
        ];

        var results = await sim.Client.ApplyAsync(actions, dryRun: false, None);

        results.Select(r => r.Outcome).ShouldAllBe(o => o == OcmActionOutcome.Applied, string.Join("\n", results.Select(r => r.Message)));
        bodies.ShouldBe(
        [
            "DELETE /api/addons_mgmt/v1/clusters/a1/upgrade_plans/plan-1 ",
            """POST /api/addons_mgmt/v1/clusters/a1/upgrade_plans {"version":"2.1.0","type":"manual","addon_id":"addon-b","cluster_id":"a1","next_run":"2026-11-23T12:06:00Z"}""",
        ]);

        sim.Sim.Clock.Advance(TimeSpan.FromHours(3));
        var a1 = (await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], AddonOrgs, None)).Snapshot.Find(new OrganizationId("org-a"))!.Clusters.Single(c => c.Name == "a-1");
        a1.Addons.Single(a => a.Id == "addon-b").Version.ShouldBe("2.1.0");
        var plan = a1.AddonUpgradePolicies.ShouldHaveSingleItem();
        plan.AddonId.ShouldBe("addon-b");
        plan.State.ShouldBe(UpgradePolicyState.Completed);
    }

    [Fact]
    public async Task V1_CreatesAnAddonUpgradePolicyWithoutNextRun()
    {
        await using var sim = await SimClient.StartAsync(Fleet, configureClient: o => o with { AddonService = "v1" });
        var bodies = RecordBodies(sim);

        var results = await sim.Client.ApplyAsync(
            [new CreateUpgradePolicy("a-1", new ClusterId("a1"), UpgradePolicyKind.Addon, OpenShiftVersion.Parse("2.1.0"), SimFleets.Start.AddMinutes(6)) { Addon = "addon-b" }],
            dryRun: false,
            None);

        results.ShouldHaveSingleItem().Outcome.ShouldBe(OcmActionOutcome.Applied, results[0].Message);
        bodies.ShouldBe(["""POST /api/clusters_mgmt/v1/clusters/a1/addon_upgrade_policies {"version":"2.1.0","schedule_type":"manual","addon_id":"addon-b","cluster_id":"a1","upgrade_type":"ADDON"}"""]);
        var read = await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], AddonOrgs, None);
        read.Snapshot.Find(new OrganizationId("org-a"))!.Clusters.Single(c => c.Name == "a-1").AddonUpgradePolicies
            .Select(p => (p.AddonId, p.State)).ShouldBe([("addon-a", UpgradePolicyState.Completed), ("addon-b", UpgradePolicyState.Scheduled)], ignoreOrder: true);
    }

    [Fact]
    public async Task AnAddonActionInAnEnvironmentWithAnUnknownService_IsRefused()
    {
        await using var sim = await SimClient.StartAsync(Fleet, configureClient: o => o with { AddonService = "v3" });
        var bodies = RecordBodies(sim);

        var results = await sim.Client.ApplyAsync(
            [new DeleteUpgradePolicy("a-1", new ClusterId("a1"), UpgradePolicyKind.Addon, "plan-1") { Addon = "addon-a" }],
            dryRun: false,
            None);

        results.ShouldHaveSingleItem().Outcome.ShouldBe(OcmActionOutcome.Refused);
        results[0].Message.ShouldBe("the add-on service version of this OCM environment is neither v1 nor v2");
        bodies.ShouldBeEmpty();
    }

    /// <summary>Every write the client sends to the API: method, path and body.</summary>
    private static List<string> RecordBodies(SimClient sim)
    {
        var bodies = new List<string>();
        sim.Wire.Before = async (request, ct) =>
        {
            if (request.Method != HttpMethod.Get && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(ct);
                var line = $"{request.Method} {request.RequestUri.AbsolutePath} {body}";
                lock (bodies)
                {
                    bodies.Add(line);
                }
            }
        };
        return bodies;
    }
}
