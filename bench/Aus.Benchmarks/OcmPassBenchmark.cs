using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Aus.Simulator;

namespace Aus.Benchmarks;

/// <summary>
/// One `aus run` pass (the real command, a child process) over a large fleet served by the OCM
/// simulator with a fixed latency per request: wall time and requests per endpoint. With add-ons,
/// every organization manages add-on upgrades and every cluster runs two add-ons, served by the
/// add-on service version asked (v1 or v2).
/// </summary>
public static class OcmPassBenchmark
{
    public static async Task<int> RunAsync(int clusters, int organizations, int latencyMs, string ausDll, string? addonService = null)
    {
        var directory = Directory.CreateTempSubdirectory("aus-bench-ocm-");
        try
        {
            var configDirectory = Directory.CreateDirectory(Path.Combine(directory.FullName, "policies"));
            var fleetPath = Path.Combine(directory.FullName, "fleet.yaml");
            await File.WriteAllTextAsync(fleetPath, WriteFleet(clusters, organizations, configDirectory.FullName, withAddons: addonService is not null));
            // Add-on upgrades need a schedule slot within 10 minutes: with add-ons the pass runs 5 minutes before the hourly slot.
            var now = addonService is null ? new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero) : new DateTimeOffset(2026, 11, 23, 11, 55, 0, TimeSpan.Zero);
            await using var simulator = await OcmSimulator.StartAsync(new SimulatorOptions { FleetPath = fleetPath, InitialTime = now }, CancellationToken.None);
            simulator.Faults = new FaultSettings { LatencyMs = latencyMs };

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { ausDll, "run", "--config", configDirectory.FullName, "--now", now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["OCM_URL"] = simulator.BaseUrl.ToString();
            start.Environment["OCM_TOKEN_URL"] = simulator.TokenUrl.ToString();
            start.Environment["OCM_CLIENT_ID"] = simulator.ClientId;
            start.Environment["OCM_CLIENT_SECRET"] = simulator.ClientSecret;
            start.Environment["AUS_STATE"] = Path.Combine(directory.FullName, "state.db");
            if (addonService is not null)
            {
                start.Environment["OCM_ADDON_SERVICE_VERSION"] = addonService;
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            watch.Stop();
            var summary = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"aus run: {clusters} clusters in {organizations} organizations{(addonService is null ? string.Empty : $", two add-ons each (add-on service {addonService})")}, {latencyMs} ms per request: exit {process.ExitCode}, {watch.Elapsed.TotalSeconds:F1} s wall"));
            Console.WriteLine(summary);
            var errors = await stderr;
            if (errors.Length > 0)
            {
                Console.WriteLine(errors[..Math.Min(errors.Length, 2000)]);
            }

            Console.WriteLine("requests by endpoint and status (simulator's count):");
            var stats = JsonNode.Parse(await new HttpClient().GetStringAsync(new Uri(simulator.BaseUrl, "/_sim/stats")))!;
            foreach (var (endpoint, value) in stats["endpoints"]!.AsObject().OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {endpoint}: {value!["byStatus"]!.ToJsonString()}");
            }

            Console.WriteLine($"  total: {stats["total"]}");
            return process.ExitCode;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A fleet of classic clusters (every 20th a hosted control plane with two node pools), one in ten
    /// already upgrading, with a 4.17 gate offered to a quarter of them; and one policy file per organization.
    /// </summary>
    /// <remarks>
    /// With <paramref name="withLabels"/>, the clusters and organizations also carry the sre-capabilities.aus.* labels that express the policy files.
    /// With <paramref name="withAddons"/>, every organization manages add-on upgrades and every cluster runs two ready add-ons,
    /// both behind the catalog; one in ten classic clusters has an add-on upgrade scheduled and one in twenty a completed one.
    /// </remarks>
    internal static string WriteFleet(int clusters, int organizations, string policyDirectory, bool withLabels = false, bool withAddons = false)
    {
        var perOrganization = clusters / organizations;
        var fleet = new StringBuilder();
        if (withAddons)
        {
            fleet.Append("addonVersions: {addon-logging: 5.8.3, addon-metrics: 1.5.0}\n");
        }

        fleet.Append("versionGates:\n- {id: gate-417, versionRawIdPrefix: \"4.17\", label: api.openshift.com/gate-ocp, stsOnly: false}\norganizations:\n");
        for (var org = 0; org < organizations; org++)
        {
            var orgId = $"org-{org:D3}";
            var policy = new StringBuilder();
            policy.Append(CultureInfo.InvariantCulture, $"name: bench-{org:D3}\norgId: {orgId}\nblockedVersions: ['^.*-rc\\..*$']\n");
            if (withAddons)
            {
                policy.Append("addonManagedUpgrades: true\n");
            }

            policy.Append("upgradePolicyAllowedWorkloads: [api, ingest, web]\nupgradePolicyAllowedMutexes: [blue, green]\n");
            policy.Append("sectors:\n- name: stage\n- name: prod-blue\n  dependencies: [{name: stage}]\n- name: prod-green\n  dependencies: [{name: prod-blue}]\nupgradePolicyClusters:\n");
            fleet.Append(CultureInfo.InvariantCulture, $"- orgId: {orgId}\n");
            if (withLabels)
            {
                fleet.Append("  labels: {sre-capabilities.aus.blocked-versions: '^.*-rc\\..*$', sre-capabilities.aus.sector-deps.stage: '', ");
                fleet.Append("sre-capabilities.aus.sector-deps.prod-blue: stage, sre-capabilities.aus.sector-deps.prod-green: prod-blue}\n");
            }

            fleet.Append("  clusters:\n");
            for (var i = 0; i < perOrganization; i++)
            {
                var name = $"c{org:D3}-{i:D3}";
                var sector = (i % 3) switch { 0 => "stage", 1 => "prod-blue", _ => "prod-green" };
                var mutex = sector == "stage" ? string.Empty : $", mutexes: [{(sector == "prod-blue" ? "blue" : "green")}]";
                policy.Append(CultureInfo.InvariantCulture, $"- name: {name}\n  upgradePolicy: {{workloads: [{(i % 2 == 0 ? "api" : "web")}], schedule: '0 * * * *', conditions: {{soakDays: {(sector == "stage" ? 0 : 7)}, sector: {sector}{mutex}}}}}\n");
                var current = 5 + (i % 5);
                var upgrades = string.Join(", ", Enumerable.Range(current + 1, 10).Select(z => $"4.16.{z}"));
                if (i % 4 == 0)
                {
                    upgrades += ", 4.17.1";
                }

                var hcp = i % 20 == 19;
                fleet.Append(CultureInfo.InvariantCulture, $"  - name: {name}\n    product: {(hcp ? "rosa" : "osd")}\n    hypershift: {(hcp ? "true" : "false")}\n    channel: stable-4.16\n    version: 4.16.{current}\n    availableUpgrades: [{upgrades}]\n");
                if (withLabels)
                {
                    var mutexLabel = sector == "stage" ? string.Empty : $", sre-capabilities.aus.mutexes: {(sector == "prod-blue" ? "blue" : "green")}";
                    fleet.Append(CultureInfo.InvariantCulture, $"    labels: {{sre-capabilities.aus.soak-days: '{(sector == "stage" ? 0 : 7)}', sre-capabilities.aus.workloads: {(i % 2 == 0 ? "api" : "web")}, sre-capabilities.aus.schedule: '0 * * * *', sre-capabilities.aus.sector: {sector}{mutexLabel}}}\n");
                }

                var policies = new List<string>();
                if (hcp)
                {
                    fleet.Append(CultureInfo.InvariantCulture, $"    nodePools: [{{id: workers, version: 4.16.{current}}}, {{id: infra, version: 4.16.{current}}}]\n");
                }
                else if (i % 10 == 3)
                {
                    policies.Add($"{{id: p-{name}, version: 4.16.{current + 1}, scheduleType: manual, nextRun: 2026-11-23T13:00:00Z, state: scheduled}}");
                }

                if (withAddons)
                {
                    fleet.Append("    addons: [{id: addon-logging, version: 5.8.1, state: ready}, {id: addon-metrics, version: 1.4.0, state: ready}]\n");
                    if (!hcp && i % 10 == 7)
                    {
                        policies.Add($"{{id: a-{name}, kind: addon, addon: addon-logging, version: 5.8.3, scheduleType: manual, nextRun: 2026-11-23T13:00:00Z, state: scheduled}}");
                    }
                    else if (!hcp && i % 20 == 11)
                    {
                        policies.Add($"{{id: a-{name}, kind: addon, addon: addon-metrics, version: 1.5.0, scheduleType: manual, nextRun: 2026-11-23T10:00:00Z, state: completed}}");
                    }
                }

                if (policies.Count > 0)
                {
                    fleet.Append(CultureInfo.InvariantCulture, $"    upgradePolicies: [{string.Join(", ", policies)}]\n");
                }
            }

            File.WriteAllText(Path.Combine(policyDirectory, $"{orgId}.yaml"), policy.ToString());
        }

        return fleet.ToString();
    }
}
