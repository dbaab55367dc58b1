using System.Net;
using Aus.Cli.Service;
using Aus.Ocm.Configuration;
using Aus.Policies.Organizations;
using Aus.Simulator;
using Aus.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Service;

/// <summary>An OCM simulator, organization files and a store in a temporary directory, for service tests.</summary>
internal sealed class ServiceTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>org-a: two clusters that upgrade at once; org-b: invalid (a workload it does not allow), so it gets service logs.</summary>
    public const string FleetYaml = """
        organizations:
        - orgId: org-a
          clusters:
          - {name: a-1, externalId: uuid-a-1, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - {name: a-2, externalId: uuid-a-2, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
        - orgId: org-b
          clusters:
          - {name: b-1, externalId: uuid-b-1, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - {name: b-2, externalId: uuid-b-2, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
        - orgId: org-c
          clusters:
          - {name: c-1, externalId: uuid-c-1, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
        """;

    public const string OrgA = """
        name: org-a
        orgId: org-a
        upgradePolicyAllowedWorkloads: [wl]
        upgradePolicyClusters:
        - name: a-1
          upgradePolicy: {workloads: [wl], schedule: '* * * * *', conditions: {soakDays: 0}}
        - name: a-2
          upgradePolicy: {workloads: [wl], schedule: '* * * * *', conditions: {soakDays: 0}}
        """;

    public const string OrgB = """
        name: org-b
        orgId: org-b
        upgradePolicyAllowedWorkloads: [wl]
        upgradePolicyClusters:
        - name: b-1
          upgradePolicy: {workloads: [other], schedule: '* * * * *', conditions: {soakDays: 0}}
        - name: b-2
          upgradePolicy: {workloads: [wl], schedule: '* * * * *', conditions: {soakDays: 0}}
        """;

    /// <summary>org-c: one cluster that only soaks (its upgrade is blocked), so its history only grows with time.</summary>
    public const string OrgC = """
        name: org-c
        orgId: org-c
        blockedVersions: ['^4\.16\.9$']
        upgradePolicyAllowedWorkloads: [wl]
        upgradePolicyClusters:
        - name: c-1
          upgradePolicy: {workloads: [wl], schedule: '* * * * *', conditions: {soakDays: 0}}
        """;

    private ServiceTestBed(OcmSimulator simulator, string directory)
    {
        Simulator = simulator;
        Directory = directory;
    }

    public OcmSimulator Simulator { get; }

    public string Directory { get; }

    public string StateFile => Path.Combine(Directory, "state.db");

    public string PoliciesDirectory => Path.Combine(Directory, "orgs");

    /// <summary>The file the <paramref name="index"/>th organization given to <see cref="StartAsync"/> was written to.</summary>
    public string OrganizationFile(int index) => Path.Combine(PoliciesDirectory, $"org-{index}.yaml");

    public static Task<ServiceTestBed> StartAsync(params string[] organizations) =>
        StartWithFleetAsync(new SimulatorOptions { FleetYaml = FleetYaml, InitialTime = Start }, organizations);

    /// <summary>A bed on a simulator of its own options (fleet, start time, failures).</summary>
    public static async Task<ServiceTestBed> StartWithFleetAsync(SimulatorOptions options, params string[] organizations)
    {
        var directory = Path.Combine(Path.GetTempPath(), "aus-service-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "orgs"));
        for (var i = 0; i < organizations.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "orgs", $"org-{i}.yaml"), organizations[i]);
        }

        var simulator = await OcmSimulator.StartAsync(options, CancellationToken.None);
        return new ServiceTestBed(simulator, directory);
    }

    public static StateLocation Sqlite(string path) =>
        StateLocation.TryParse(path, out var location, out var error) ? location! : throw new ArgumentException(error, nameof(path));

    public ServiceSettings Settings(StateLocation? state = null, TimeSpan? interval = null) => new()
    {
        Environments = [new OcmEnvironmentSettings(null, Options())],
        Policies = [PoliciesDirectory],
        State = state ?? StateLocation.Default(),
        Interval = interval ?? TimeSpan.FromHours(1),
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        SimulatorClock = true,
        ShutdownTimeout = TimeSpan.FromSeconds(10),
    };

    public OcmClientOptions Options() => new()
    {
        BaseUrl = Simulator.BaseUrl,
        TokenUrl = Simulator.TokenUrl,
        Credentials = OcmCredentials.ForClient(Simulator.ClientId, Simulator.ClientSecret),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    };

    public async Task<List<OrganizationDocument>> DocumentsAsync()
    {
        var (documents, _) = await InputFiles.LoadOrganizationsAsync([PoliciesDirectory], TextWriter.Null, CancellationToken.None);
        return documents ?? throw new InvalidOperationException("the test's organization files do not load");
    }

    /// <summary>A service over the store, taking its time from the simulator's clock and reading the policies again every pass.</summary>
    public Task<ReconcileService> ServiceAsync(IStateStore store, ServiceSettings settings, HttpClient http, bool aligned = false, string owner = "test")
    {
        var policies = new PolicySource([PoliciesDirectory], e => settings.Environments.Any(s => s.Serves(e)), NullLogger.Instance);
        return Task.FromResult(new ReconcileService(
            settings, policies.LoadAsync, new StorePassStore(store, owner), store.Dialect == StateDialect.PostgreSql, new SimulatorPassClock(http, Simulator.BaseUrl), TimeProvider.System, NullLoggerFactory.Instance, aligned, new StoreControlStore(store)));
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be letting go of a file; the temp directory is cleaned up later.
        }
    }
}
