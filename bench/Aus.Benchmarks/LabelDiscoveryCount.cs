using System.Globalization;
using Aus.Ocm;
using Aus.Ocm.Configuration;
using Aus.Simulator;

namespace Aus.Benchmarks;

/// <summary>
/// The requests the label flavour's discovery makes (the OCM client's ReadLabelledFleetAsync) for the
/// ocm-pass fleet with every cluster labelled: a count, not a timing.
/// </summary>
public static class LabelDiscoveryCount
{
    public static async Task<int> RunAsync(int clusters, int organizations)
    {
        var directory = Directory.CreateTempSubdirectory("aus-bench-labels-");
        try
        {
            var fleetPath = Path.Combine(directory.FullName, "fleet.yaml");
            await File.WriteAllTextAsync(fleetPath, OcmPassBenchmark.WriteFleet(clusters, organizations, directory.FullName, withLabels: true));
            var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
            await using var simulator = await OcmSimulator.StartAsync(new SimulatorOptions { FleetPath = fleetPath, InitialTime = now }, CancellationToken.None);
            using var client = OcmClient.Create(new OcmClientOptions
            {
                BaseUrl = simulator.BaseUrl,
                TokenUrl = simulator.TokenUrl,
                Credentials = OcmCredentials.ForClient(simulator.ClientId, simulator.ClientSecret),
            });

            var result = await client.ReadLabelledFleetAsync([], CancellationToken.None);
            var found = result.Snapshot.Organizations.Sum(o => o.Clusters.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"label discovery: {found} labelled clusters in {result.Snapshot.Organizations.Length} organizations, {result.Errors.Length} errors"));
            foreach (var call in result.Calls.Calls.OrderBy(c => c.Endpoint, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {call.Endpoint} {call.Status}: {call.Count}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  total: {result.Calls.Total}"));
            return result.Errors.IsEmpty ? 0 : 1;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
