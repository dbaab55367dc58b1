using System.Net;
using Aus.Cli.Service;
using Aus.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Service;

/// <summary>`aus serve`'s HTTP endpoints, hosted in process and scraped over loopback HTTP.</summary>
public sealed class ServiceEndpointTests
{
    private const string Integration = "ocm-upgrade-scheduler-org";

    [Fact]
    public async Task MetricsAfterAPass_CarryTheReferenceNamesAndLabels()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgB);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State, new StateStoreOptions { ExclusiveProcess = true });
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, settings, http);
        await using var host = await ServiceHost.StartAsync(service, store, TimeProvider.System, NullLoggerFactory.Instance, handleSignals: false, CancellationToken.None);

        (await http.GetAsync(new Uri(host.Address, "/healthz"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitUntilReadyAsync(http, host.Address);
        var response = await http.GetAsync(new Uri(host.Address, "/metrics"));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var metrics = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

        foreach (var sample in metrics.Samples.Where(s => s.Name.StartsWith("aus_", StringComparison.Ordinal) && s.Label("ocm_env") is not null))
        {
            sample.LabelNames.Take(2).ShouldBe(["integration", "ocm_env"], $"{sample.Name} has integration and ocm_env first");
            sample.Label("integration").ShouldBe(Integration);
            sample.Label("ocm_env").ShouldBe("production");
        }

        metrics.Single("aus_organization_reconciled_total", ("org_id", "org-a")).Value.ShouldBe(1);
        metrics.Single("aus_organization_reconcile_errors_total", ("org_id", "org-a")).Value.ShouldBe(0);
        metrics.Single("aus_ocm_environment_errors_total").Value.ShouldBe(0);
        metrics.Single("aus_organization_validation_errors", ("org_id", "org-a")).Value.ShouldBe(0);
        metrics.Single("aus_organization_validation_errors", ("org_id", "org-b")).Value.ShouldBe(1);

        var info = metrics.Single("aus_cluster_upgrade_policy_info", ("cluster_name", "a-1"));
        info.LabelNames.ShouldBe([
            "integration", "ocm_env", "cluster_uuid", "org_id", "org_name", "channel", "current_version", "cluster_name",
            "schedule", "sector", "mutexes", "soak_days", "workloads", "product", "hypershift"]);
        info.Label("cluster_uuid").ShouldBe("uuid-a-1");
        info.Label("current_version").ShouldBe("4.16.8");
        info.Label("hypershift").ShouldBe("false");
        info.Value.ShouldBe(1);
        metrics.Named("aus_cluster_upgrade_policy_info").ShouldNotContain(s => s.Label("cluster_name") == "b-1", "a cluster with errors is not a spec");

        metrics.Single("aus_cluster_version_remaining_soak_days", ("cluster_uuid", "uuid-a-1"), ("soaking_version", "4.16.9")).Value.ShouldBe(0);
        metrics.Single("aus_organization_version_data", ("org_id", "org-a"), ("version", "4.16.8"), ("workload", "wl")).Value.ShouldBe(0);
        metrics.Single("aus_actions_total", ("kind", "create-upgrade-policy"), ("result", "applied")).Value.ShouldBe(2);
        metrics.Single("aus_ocm_requests_total", ("endpoint", "POST /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies"), ("status", "201")).Value.ShouldBe(2);
        metrics.Single("aus_service_logs_sent_total").Value.ShouldBe(1, "b-1 has errors; org-b has no organization error");
        metrics.Single("aus_pass_duration_seconds_count").Value.ShouldBe(1);
        metrics.Single("aus_passes_total", ("result", "failed")).Value.ShouldBe(1, "org-b's validation errors make the pass a failed one");
    }

    [Fact]
    public async Task RemainingSoakDays_AfterThePolicyExists_IsMinusOne()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State);
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, settings, http);

        await service.RunPassAsync(null, CancellationToken.None);
        bed.Simulator.Clock.Advance(TimeSpan.FromMinutes(1));
        await service.RunPassAsync(null, CancellationToken.None);

        var metrics = await ScrapeAsync(service);
        metrics.Single("aus_cluster_version_remaining_soak_days", ("cluster_uuid", "uuid-a-1"), ("soaking_version", "4.16.9")).Value.ShouldBe(-1);
        metrics.Single("aus_organization_reconciled_total", ("org_id", "org-a")).Value.ShouldBe(2);
        metrics.Single("aus_actions_total", ("kind", "create-upgrade-policy"), ("result", "applied")).Value.ShouldBe(2, "the second pass sees the policies and creates none");
    }

    [Fact]
    public async Task Readiness_BeforeAnyPass_IsNotReady()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State);
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, settings, http);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ServiceTestBed.Start);

        (await ServiceHost.ReadinessProblemAsync(service, store, time, CancellationToken.None)).ShouldBe("no pass has ended yet");
    }

    internal static async Task<PrometheusText> ScrapeAsync(ReconcileService service)
    {
        using var stream = new MemoryStream();
        await service.Metrics.WriteAsync(stream, CancellationToken.None);
        return PrometheusText.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static async Task WaitUntilReadyAsync(HttpClient http, Uri address)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await http.GetAsync(new Uri(address, "/readyz"), timeout.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
