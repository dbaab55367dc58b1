using Aus.Cli.Service;
using Aus.Domain.Fleet;
using Aus.Simulator;
using Aus.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Service;

/// <summary>The labels flavour of `aus serve` and `aus run`: `policySource: labels` per environment.</summary>
public sealed class LabelledServiceTests : IDisposable
{
    /// <summary>org-l: two clusters configured by labels alone, both due to upgrade; org-n: no labels, not planned.</summary>
    private const string LabelledFleetYaml = """
        organizations:
        - orgId: org-l
          labels: {sre-capabilities.aus.blocked-versions: '^4\.15\.'}
          clusters:
          - name: l-1
            externalId: uuid-l-1
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            labels: {sre-capabilities.aus.soak-days: "0", sre-capabilities.aus.workloads: wl, sre-capabilities.aus.schedule: "* * * * *"}
          - name: l-2
            externalId: uuid-l-2
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            labels: {sre-capabilities.aus.soak-days: "0", sre-capabilities.aus.workloads: wl, sre-capabilities.aus.schedule: "* * * * *"}
        - orgId: org-n
          clusters:
          - {name: n-1, externalId: uuid-n-1, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
        """;

    private const string CreatePolicy = "POST /api/clusters_mgmt/v1/clusters/{id}/upgrade_policies";

    private readonly string _directory = Directory.CreateTempSubdirectory("aus-labelled-service-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PolicySourceLabels_NeedsNoOrganizationFiles()
    {
        var file = Write("""
            environments:
            - name: production
              url: https://api.openshift.com
              policySource: labels
            """);

        var result = await ServiceSettingsLoader.LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables, CancellationToken.None);

        result.Errors.ShouldBeEmpty();
        result.Settings!.Environments.Single().LabelPolicies.ShouldBeTrue();
    }

    [Fact]
    public async Task PolicySourceFiles_IsTheDefault_AndStillNeedsFiles()
    {
        var file = Write("""
            environments:
            - name: production
              url: https://api.openshift.com
              policySource: files
            """);

        var result = await ServiceSettingsLoader.LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables, CancellationToken.None);

        result.Errors.ShouldBe([$"{file}: error: no organization files: add 'policies' (files or directories) or give --config FILE..."]);
    }

    [Fact]
    public async Task AnUnknownPolicySource_IsAnErrorNamingIt()
    {
        var file = Write("""
            environments:
            - name: production
              url: https://api.openshift.com
              policySource: label
            """);

        var result = await ServiceSettingsLoader.LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables, CancellationToken.None);

        result.Errors.ShouldContain(e => e.StartsWith($"{file}:4:", StringComparison.Ordinal) && e.Contains("policySource", StringComparison.Ordinal) && e.Contains("'label'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunLabels_TurnsEveryEnvironmentToLabels()
    {
        var result = await ServiceSettingsLoader.LoadAsync(new SettingsOverrides { Labels = true, OcmUrl = "https://api.openshift.com" }, Variables, CancellationToken.None);

        result.Errors.ShouldBeEmpty();
        result.Settings!.Environments.ShouldAllBe(e => e.LabelPolicies);
    }

    [Fact]
    public async Task APassOfTheLabelsFlavour_CreatesThePolicies_AndLabelsItsMetricsAdvancedUpgradeScheduler()
    {
        await using var simulator = await OcmSimulator.StartAsync(new SimulatorOptions { FleetYaml = LabelledFleetYaml, InitialTime = ServiceTestBed.Start }, CancellationToken.None);
        var settings = new ServiceSettings
        {
            Environments = [new OcmEnvironmentSettings(new EnvironmentName("production"), Options(simulator)) { PolicySource = Aus.Policies.Settings.PolicySourceKind.Labels }],
            State = ServiceTestBed.Sqlite(Path.Combine(_directory, "state.db")),
            SimulatorClock = true,
        };
        await using var store = await StateStore.OpenAsync(settings.State, new StateStoreOptions { ExclusiveProcess = true });
        using var http = new HttpClient();
        var files = new PolicySource([], _ => true, NullLogger.Instance);
        var policies = new ServicePolicies(files, settings, TimeProvider.System, NullLogger.Instance);
        using var service = new ReconcileService(
            settings, policies.LoadAsync, new StorePassStore(store, "test"), sharedStore: false, new SimulatorPassClock(http, simulator.BaseUrl), TimeProvider.System, NullLoggerFactory.Instance, alignedPasses: false);

        var pass = await service.RunPassAsync(null, CancellationToken.None);

        pass.Organizations.Select(o => o.OrgId).ShouldBe([new OrganizationId("org-l")]);
        simulator.Stats.Count(CreatePolicy, 201).ShouldBe(2);
        var metrics = await ServiceEndpointTests.ScrapeAsync(service);
        metrics.Single("aus_organization_reconciled_total", ("org_id", "org-l")).Label("integration").ShouldBe(AusMetrics.LabelIntegration);
        metrics.Samples.Where(s => s.Label("integration") is not null).ShouldAllBe(s => s.Label("integration") == "advanced-upgrade-scheduler");
    }

    [Fact]
    public async Task ABadLabel_InTheLabelsFlavour_CountsAsAValidationError_OfItsOrganization()
    {
        var fleet = ReplaceLast(LabelledFleetYaml, "sre-capabilities.aus.soak-days: \"0\"", "sre-capabilities.aus.soak-days: \"1.5\"");
        await using var simulator = await OcmSimulator.StartAsync(new SimulatorOptions { FleetYaml = fleet, InitialTime = ServiceTestBed.Start }, CancellationToken.None);
        var settings = new ServiceSettings
        {
            Environments = [new OcmEnvironmentSettings(new EnvironmentName("production"), Options(simulator)) { PolicySource = Aus.Policies.Settings.PolicySourceKind.Labels }],
            State = ServiceTestBed.Sqlite(Path.Combine(_directory, "state.db")),
            SimulatorClock = true,
        };
        await using var store = await StateStore.OpenAsync(settings.State, new StateStoreOptions { ExclusiveProcess = true });
        using var http = new HttpClient();
        var policies = new ServicePolicies(new PolicySource([], _ => true, NullLogger.Instance), settings, TimeProvider.System, NullLogger.Instance);
        using var service = new ReconcileService(
            settings, policies.LoadAsync, new StorePassStore(store, "test"), sharedStore: false, new SimulatorPassClock(http, simulator.BaseUrl), TimeProvider.System, NullLoggerFactory.Instance, alignedPasses: false);

        await service.RunPassAsync(null, CancellationToken.None);

        simulator.Stats.Count(CreatePolicy, 201).ShouldBe(0);
        var metrics = await ServiceEndpointTests.ScrapeAsync(service);
        metrics.Single("aus_organization_validation_errors", ("org_id", "org-l")).Value.ShouldBe(1);
        simulator.Stats.Count("POST /api/service_logs/v1/cluster_logs", 201).ShouldBeGreaterThan(0);
    }

    private static string ReplaceLast(string text, string what, string with)
    {
        var at = text.LastIndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private static string? Variables(string name) => name switch
    {
        "OCM_CLIENT_ID" => "id",
        "OCM_CLIENT_SECRET" => "secret",
        _ => null,
    };

    private static Aus.Ocm.Configuration.OcmClientOptions Options(OcmSimulator simulator) => new()
    {
        BaseUrl = simulator.BaseUrl,
        TokenUrl = simulator.TokenUrl,
        Credentials = Aus.Ocm.Configuration.OcmCredentials.ForClient(simulator.ClientId, simulator.ClientSecret),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    };

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "aus.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
