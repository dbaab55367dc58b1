using Aus.Application.Reconcile;
using Aus.Ocm;
using Aus.Ocm.Configuration;
using Aus.Ocm.Ports;
using Aus.Policies.Organizations;
using Aus.Simulator;
using Aus.Storage;
using Aus.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Run;

/// <summary>
/// Reconcile passes against the OCM simulator over HTTP, one simulated hour apart, on the sectors
/// example: a new release goes to stage first, to prod-blue only once it has soaked 7 days, then to
/// prod-green, one cluster at a time within each mutex.
/// </summary>
public sealed class RunEndToEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-run-");
    private OcmSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetPath = RepositoryPaths.Example("sectors-fleet.yaml"), InitialTime = Start, UpgradeDuration = TimeSpan.FromMinutes(90) },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task NewRelease_RollsOutStageThenProdBlueAfterSoakThenProdGreen()
    {
        _simulator.AddRelease("4.16.11", "stable-4.16");
        var document = await OrganizationReader.ReadFileAsync(RepositoryPaths.Example("sectors-org.yaml"), CancellationToken.None);
        var options = OcmClientOptionsFactory.FromEnvironment(
            name => name switch
            {
                OcmClientOptionsFactory.ClientIdVariable => _simulator.ClientId,
                OcmClientOptionsFactory.ClientSecretVariable => _simulator.ClientSecret,
                _ => null,
            },
            new OcmConnectionOverrides { OcmUrl = _simulator.BaseUrl.ToString(), TokenUrl = _simulator.TokenUrl.ToString() });
        using var client = OcmClient.Create(options.Options!);
        await using var store = await StateStore.OpenAsync(Path.Combine(_directory.FullName, "state.db"));
        var reconciler = new ReconcilePass(new ReconcilePorts(new OcmFleetSource(client), new OcmActionSink(client), new StorePassStore(store, "test")), new ReconcileSettings(), NullLogger.Instance);

        var upgradedAt = new Dictionary<string, DateTimeOffset>();
        var upgrading = new HashSet<string>();
        var maxConcurrentPerMutex = new Dictionary<string, int> { ["blue"] = 0, ["green"] = 0 };
        for (var pass = 0; pass < 24 * 20 && upgradedAt.Count < 6; pass++)
        {
            var report = await reconciler.RunAsync([InputFiles.ToConfig(document)], _simulator.Clock.Now, CancellationToken.None);
            report.Failed.ShouldBeFalse();
            foreach (var result in report.Organizations.Single().Results)
            {
                upgrading.Add(result.Action.Cluster);
            }

            maxConcurrentPerMutex["blue"] = Math.Max(maxConcurrentPerMutex["blue"], upgrading.Count(c => c is "prod-1" or "prod-2"));
            maxConcurrentPerMutex["green"] = Math.Max(maxConcurrentPerMutex["green"], upgrading.Count(c => c is "prod-3" or "prod-4"));
            foreach (var transition in _simulator.Clock.Advance(TimeSpan.FromHours(1)).Where(e => e.State == "completed"))
            {
                upgrading.Remove(transition.ClusterName);
                if (transition.Version == "4.16.11")
                {
                    upgradedAt[transition.ClusterName] = transition.At;
                }
            }
        }

        upgradedAt.Keys.ShouldBe(["stage-1", "stage-2", "prod-1", "prod-2", "prod-3", "prod-4"], ignoreOrder: true);
        var stageDone = Max(upgradedAt, "stage-1", "stage-2");
        var blueFirst = Min(upgradedAt, "prod-1", "prod-2");
        var blueDone = Max(upgradedAt, "prod-1", "prod-2");
        var greenFirst = Min(upgradedAt, "prod-3", "prod-4");

        // 7 soak days are cluster-days: two stage clusters make them in 3.5 days.
        (blueFirst - stageDone).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(3.5) - TimeSpan.FromHours(2));
        greenFirst.ShouldBeGreaterThan(blueDone);
        maxConcurrentPerMutex["blue"].ShouldBe(1);
        maxConcurrentPerMutex["green"].ShouldBe(1);
        var history = await store.GetHistoryAsync(new HistoryKey(new("production"), new("org-sectors")));
        history.Versions["4.16.11"].Values.Single().SoakDays.ShouldBeGreaterThan(7);
    }

    private static DateTimeOffset Max(Dictionary<string, DateTimeOffset> at, params string[] clusters) => clusters.Max(c => at[c]);

    private static DateTimeOffset Min(Dictionary<string, DateTimeOffset> at, params string[] clusters) => clusters.Min(c => at[c]);
}
