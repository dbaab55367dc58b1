using System.Text.Json.Nodes;
using Aus.Policies.History;
using Aus.Simulator;
using Aus.Storage;

namespace Aus.Cli.Tests.Service;

/// <summary>
/// `aus serve` killed with SIGKILL at random points of its passes, against the OCM simulator: OCM
/// never gets a policy twice, the store always opens, and the soak history ends as a clean run's.
/// The virtual clock moves one hour between kills; passes within one hour share their `now`, so
/// a pass lost to a kill is made up by the next one (that is the "at most one pass" allowance).
/// </summary>
public sealed class ServeKillTests
{
    private const int Kills = 20;
    private const string CreatePolicy = "POST /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies";

    [Fact]
    public async Task KilledAtRandomPoints_NoDuplicatePolicies_StoreOpens_HistoryAsACleanRun()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgC);
        var settingsFile = Path.Combine(bed.Directory, "aus.yaml");
        await File.WriteAllTextAsync(settingsFile, $"""
            policies: [orgs]
            state: {bed.StateFile}
            interval: 100ms
            listen: 127.0.0.1:0
            shutdownTimeout: 5s
            """);
        var environment = new Dictionary<string, string>
        {
            ["OCM_URL"] = bed.Simulator.BaseUrl.ToString(),
            ["OCM_TOKEN_URL"] = bed.Simulator.TokenUrl.ToString(),
            ["OCM_CLIENT_ID"] = bed.Simulator.ClientId,
            ["OCM_CLIENT_SECRET"] = bed.Simulator.ClientSecret,
            ["AUS_SETTINGS"] = string.Empty,
            ["AUS_STATE"] = string.Empty,
        };
        var random = new Random(20261123);
        var committed = new List<DateTimeOffset>();
        for (var kill = 0; kill < Kills; kill++)
        {
            using (var serve = ServeProcess.Start(settingsFile, environment))
            {
                // Half the kills wait for a pass first, so they land mid-pass or between passes; the
                // others may land during start-up. The first always lets a pass through.
                if (kill == 0 || random.Next(2) == 0)
                {
                    await serve.WaitForPassesAsync(1);
                }

                await Task.Delay(random.Next(0, 250));
                await serve.KillAsync();
            }

            var checkIn = await CheckInOfOrgCAsync(bed);
            if (checkIn == bed.Simulator.Clock.Now)
            {
                committed.Add(checkIn.Value);
            }

            bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
        }

        using (var last = ServeProcess.Start(settingsFile, environment))
        {
            await last.WaitForPassesAsync(1);
            (await last.TerminateAsync()).ShouldBe(0, "SIGTERM stops aus serve cleanly");
        }

        committed.Add(bed.Simulator.Clock.Now);

        // No policy twice: aus never even tried to create one OCM already had, and no cluster holds two.
        bed.Simulator.Stats.Count(CreatePolicy, 400).ShouldBe(0);
        bed.Simulator.Stats.Count(CreatePolicy, 201).ShouldBe(2);
        var fleet = JsonNode.Parse(bed.Simulator.FleetJson())!;
        foreach (var cluster in fleet["organizations"]!.AsArray().SelectMany(o => o!["clusters"]!.AsArray()))
        {
            (cluster!["upgradePolicies"]?.AsArray().Count ?? 0).ShouldBeLessThanOrEqualTo(1);
        }

        var killed = await HistoryOfOrgCAsync(bed.StateFile);
        var clean = await CleanRunHistoryAsync(committed);
        killed.ShouldContain("\"4.16.8\"");
        killed.ShouldNotMatch("\"soak_days\": 0[,\\s}]", "c-1 soaked over the hours of the run");
        killed.ShouldBe(clean);
    }

    private static async Task<DateTimeOffset?> CheckInOfOrgCAsync(ServiceTestBed bed)
    {
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile), new StateStoreOptions { ExclusiveProcess = true });
        return (await store.GetHistoryAsync(new HistoryKey(new("production"), new("org-c")))).CheckIn;
    }

    private static async Task<string> HistoryOfOrgCAsync(string stateFile)
    {
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(stateFile), new StateStoreOptions { ExclusiveProcess = true });
        return VersionHistoryJson.Write(await store.GetHistoryAsync(new HistoryKey(new("production"), new("org-c"))));
    }

    /// <summary>The same organizations against a fresh simulator, one uninterrupted pass at each committed time.</summary>
    private static async Task<string> CleanRunHistoryAsync(IReadOnlyList<DateTimeOffset> times)
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgC);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);
        foreach (var time in times)
        {
            bed.Simulator.Clock.Set(time);
            await service.RunPassAsync(null, CancellationToken.None);
        }

        return VersionHistoryJson.Write(await store.GetHistoryAsync(new HistoryKey(new("production"), new("org-c"))));
    }
}
