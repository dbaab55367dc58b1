using Aus.Cli.Service;
using Aus.Integrations.Settings;
using Aus.Integrations.Tests;
using Aus.Storage;

namespace Aus.Cli.Tests.Service;

/// <summary>
/// The health series of /metrics from the telemeter provider (a Prometheus API on a loopback port):
/// <c>aus_cluster_health_state</c> per cluster and source, 1 without errors and 0 with, and
/// <c>aus_health_provider_failures_total</c> counting the passes in which the provider did not answer.
/// </summary>
public sealed class HealthMetricsTests
{
    private const string OrgWithHealthChecks = """
        name: org-a
        orgId: org-a
        upgradePolicyAllowedWorkloads: [wl]
        ausClusterHealthChecks: [{provider: telemeter, enforced: true}]
        upgradePolicyClusters:
        - name: a-1
          upgradePolicy: {workloads: [wl], schedule: '* * * * *', conditions: {soakDays: 0}}
        - name: a-2
          upgradePolicy: {workloads: [wl], schedule: '* * * * *', conditions: {soakDays: 0}}
        """;

    /// <summary>One critical alert firing on a-1.</summary>
    private const string AlertOnA1 = """
        {"status": "success", "data": {"resultType": "vector", "result": [
          {"metric": {"_id": "uuid-a-1", "alertname": "KubeAPIDown"}, "value": [1795000000, "1"]}
        ]}}
        """;

    [Fact]
    public async Task HealthState_IsOneForAHealthyCluster_ZeroForOneWithAlerts_AndAFailedProviderIsCounted()
    {
        await using var prometheus = new LoopbackHttpServer { Respond = (_, _) => Task.FromResult((200, AlertOnA1)) };
        await using var bed = await ServiceTestBed.StartAsync(OrgWithHealthChecks);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        var settings = bed.Settings() with
        {
            Environments = [new OcmEnvironmentSettings(null, bed.Options()) { Integrations = new IntegrationSettings(new PrometheusSettings(prometheus.Url, null), []) }],
        };
        using var service = await bed.ServiceAsync(store, settings, http);

        await service.RunPassAsync(null, CancellationToken.None);
        var answered = await MetricsAsync(service);
        answered.Single("aus_cluster_health_state", ("cluster_uuid", "uuid-a-1"), ("health_source", "telemeter")).Value.ShouldBe(0);
        answered.Single("aus_cluster_health_state", ("cluster_uuid", "uuid-a-2"), ("health_source", "telemeter")).Value.ShouldBe(1);
        answered.Single("aus_health_provider_failures_total", ("org_id", "org-a"), ("provider", "telemeter")).Value.ShouldBe(0);

        prometheus.Respond = (_, _) => Task.FromResult((503, "overloaded"));
        bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
        var outcome = (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single();
        outcome.Warnings.ShouldContain(w => w.Contains("the telemeter provider failed", StringComparison.Ordinal));
        var failed = await MetricsAsync(service);
        failed.Single("aus_cluster_health_state", ("cluster_uuid", "uuid-a-1")).Value.ShouldBe(0);
        failed.Single("aus_cluster_health_state", ("cluster_uuid", "uuid-a-2")).Value.ShouldBe(0, "a provider that fails counts every cluster as unhealthy");
        failed.Single("aus_health_provider_failures_total", ("org_id", "org-a"), ("provider", "telemeter")).Value.ShouldBe(1);
    }

    [Fact]
    public async Task WithoutHealthChecks_NoHealthSeries()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);

        await service.RunPassAsync(null, CancellationToken.None);

        var metrics = await MetricsAsync(service);
        metrics.Named("aus_cluster_health_state").ShouldBeEmpty();
        metrics.Named("aus_health_provider_failures_total").ShouldBeEmpty();
    }

    private static async Task<PrometheusText> MetricsAsync(ReconcileService service)
    {
        using var stream = new MemoryStream();
        await service.Metrics.WriteAsync(stream, CancellationToken.None);
        return PrometheusText.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
