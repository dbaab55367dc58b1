using System.Net;
using Aus.Cli.Service;
using Aus.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Service;

/// <summary>
/// /metrics carries the process and runtime series a Prometheus user expects of any .NET service
/// (memory, CPU, threads, garbage collections), next to aus's own, although aus keeps its metrics
/// in a registry of its own.
/// </summary>
public sealed class ProcessMetricsTests
{
    [Fact]
    public async Task Metrics_ExposeProcessAndRuntimeSeries()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = bed.Settings(ServiceTestBed.Sqlite(bed.StateFile));
        await using var store = await StateStore.OpenAsync(settings.State);
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, settings, http);
        await using var host = await ServiceHost.StartAsync(service, store, TimeProvider.System, NullLoggerFactory.Instance, handleSignals: false, CancellationToken.None);

        var response = await http.GetAsync(new Uri(host.Address, "/metrics"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var metrics = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

        metrics.Single("process_working_set_bytes").Value.ShouldBeGreaterThan(0);
        metrics.Single("process_private_memory_bytes").Value.ShouldBeGreaterThan(0);
        metrics.Single("process_cpu_seconds_total").Value.ShouldBeGreaterThan(0);
        metrics.Single("process_num_threads").Value.ShouldBeGreaterThan(0);
        metrics.Single("process_start_time_seconds").Value.ShouldBeGreaterThan(0);
        metrics.Single("dotnet_total_memory_bytes").Value.ShouldBeGreaterThan(0);
        metrics.Named("dotnet_collection_count_total").Select(s => s.Label("generation")).ShouldBe(["0", "1", "2"], ignoreOrder: true);
    }

    [Fact]
    public async Task TwoServicesInOneProcess_EachExposeTheProcessSeries()
    {
        var first = new AusMetrics();
        var second = new AusMetrics();

        (await ScrapeAsync(first)).Named("process_num_threads").ShouldHaveSingleItem();
        (await ScrapeAsync(second)).Named("process_num_threads").ShouldHaveSingleItem();
    }

    private static async Task<PrometheusText> ScrapeAsync(AusMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.WriteAsync(stream, CancellationToken.None);
        return PrometheusText.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
