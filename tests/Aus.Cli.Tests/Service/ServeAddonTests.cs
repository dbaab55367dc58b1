using System.Text.Json.Nodes;
using Aus.Cli.Service;
using Aus.Simulator;
using Aus.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Service;

/// <summary>`aus serve` acts on add-ons as `aus run` does: it creates the add-on upgrades in OCM, keeps the add-on histories and exports the add-on metrics.</summary>
public sealed class ServeAddonTests
{
    private const string Fleet = """
        addonVersions: {addon-x: 1.1.0}
        organizations:
        - orgId: org-x
          clusters:
          - name: x-1
            externalId: uuid-x-1
            channel: stable-4.16
            version: 4.16.8
            addons: [{id: addon-x, version: 1.0.0, state: ready}]
        """;

    private const string Organization = """
        name: org-x
        orgId: org-x
        addonManagedUpgrades: true
        upgradePolicyAllowedWorkloads: [wl]
        upgradePolicyClusters:
        - name: x-1
          upgradePolicy: {workloads: [wl], schedule: '0 * * * *', conditions: {soakDays: 0}}
        """;

    [Fact]
    public async Task AFirstPass_CreatesTheAddonUpgradeInOcm_KeepsTheAddonHistory_AndExportsTheAddonMetrics()
    {
        var start = new DateTimeOffset(2026, 11, 23, 11, 55, 0, TimeSpan.Zero);
        await using var bed = await ServiceTestBed.StartWithFleetAsync(new SimulatorOptions { FleetYaml = Fleet, InitialTime = start }, Organization);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State, new StateStoreOptions { ExclusiveProcess = true });
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, settings, http);
        await using (var host = await ServiceHost.StartAsync(service, store, TimeProvider.System, NullLoggerFactory.Instance, handleSignals: false, CancellationToken.None))
        {
            await ServiceEndpointTests.WaitUntilReadyAsync(http, host.Address);
            var metrics = PrometheusText.Parse(await http.GetStringAsync(new Uri(host.Address, "/metrics")));

            metrics.Single("aus_addon_upgrade_policy_info", ("cluster_name", "x-1"), ("addon", "addon-x")).Label("current_version").ShouldBe("1.0.0");
            metrics.Single("aus_addon_version_remaining_soak_days", ("cluster_uuid", "uuid-x-1"), ("addon", "addon-x"), ("soaking_version", "1.1.0")).Value.ShouldBe(0);
        }

        var policies = JsonNode.Parse(bed.Simulator.FleetJson())!["organizations"]![0]!["clusters"]![0]!["upgradePolicies"]!.AsArray();
        var policy = policies.ShouldHaveSingleItem()!;
        policy["kind"]!.GetValue<string>().ShouldBe("addon");
        policy["addon"]!.GetValue<string>().ShouldBe("addon-x");
        policy["version"]!.GetValue<string>().ShouldBe("1.1.0");
        (await store.GetHistoryAsync(new HistoryKey(new("production"), new("org-x"), "addon-x"), CancellationToken.None)).Versions.Keys.ShouldBe(["1.0.0"]);
    }
}
