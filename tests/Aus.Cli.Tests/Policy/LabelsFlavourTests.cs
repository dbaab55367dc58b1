using System.Text.Json.Nodes;
using Aus.Simulator;
using Aus.TestKit;

namespace Aus.Cli.Tests.Policy;

/// <summary>`--labels`: the labels that express an organization file plan as the file does.</summary>
public sealed class LabelsFlavourTests : IDisposable
{
    private const string Now = "2026-11-23T12:00:00Z";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-labels-flavour-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("simple-org.yaml", "simple-fleet.yaml", null)]
    [InlineData("sectors-org.yaml", "sectors-fleet.yaml", "sectors-history.json")]
    [InlineData("mutex-org.yaml", "mutex-fleet.yaml", "mutex-history.json")]
    public async Task EachExample_PlansTheSameActions_FromItsLabels(string organization, string fleet, string? history)
    {
        var labelled = LabelledFleet.Write(RepositoryPaths.Example(organization), RepositoryPaths.Example(fleet), Path.Combine(_directory.FullName, fleet));
        string[] common = ["--now", Now, "--output", "json", .. history is null ? Array.Empty<string>() : ["--history", RepositoryPaths.Example(history)]];

        var fromFile = await CliRun.RunAsync(["plan", "--config", RepositoryPaths.Example(organization), "--fleet", RepositoryPaths.Example(fleet), .. common]);
        var fromLabels = await CliRun.RunAsync(["plan", "--labels", "--fleet", labelled, .. common]);

        fromFile.ExitCode.ShouldBe(0, fromFile.Stderr);
        fromLabels.ExitCode.ShouldBe(0, fromLabels.Stderr);
        var actions = Actions(fromLabels.Stdout);
        actions.ShouldNotBeEmpty();
        actions.ShouldBe(Actions(fromFile.Stdout));
    }

    [Fact]
    public async Task TheSectorsExample_PlansTheSameActions_FromOcmLabels()
    {
        var labelled = LabelledFleet.Write(RepositoryPaths.Example("sectors-org.yaml"), RepositoryPaths.Example("sectors-fleet.yaml"), Path.Combine(_directory.FullName, "fleet.yaml"));
        await using var simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetPath = labelled, InitialTime = DateTimeOffset.Parse(Now, System.Globalization.CultureInfo.InvariantCulture) },
            CancellationToken.None);
        var environment = new Dictionary<string, string?>
        {
            ["OCM_TOKEN_URL"] = simulator.TokenUrl.ToString(),
            ["OCM_CLIENT_ID"] = simulator.ClientId,
            ["OCM_CLIENT_SECRET"] = simulator.ClientSecret,
            ["OCM_TOKEN"] = null,
        };
        string[] common = ["--ocm-url", simulator.BaseUrl.ToString(), "--history", RepositoryPaths.Example("sectors-history.json"), "--now", Now, "--output", "json"];

        var fromFile = await ChildProcess.RunAusAsync(["plan", "--config", RepositoryPaths.Example("sectors-org.yaml"), .. common], environment);
        var fromLabels = await ChildProcess.RunAusAsync(["plan", "--labels", .. common], environment);

        fromFile.ExitCode.ShouldBe(0, fromFile.Stderr);
        fromLabels.ExitCode.ShouldBe(0, fromLabels.Stderr);
        var actions = Actions(fromLabels.Stdout);
        actions.ShouldNotBeEmpty();
        actions.ShouldBe(Actions(fromFile.Stdout));
    }

    [Fact]
    public async Task ABadLabelValue_IsAPlanErrorNamingClusterAndLabel_AndStopsTheOrganization()
    {
        var fleet = Path.Combine(_directory.FullName, "fleet.yaml");
        File.WriteAllText(fleet, """
            organizations:
            - orgId: org-1
              clusters:
              - name: good-1
                channel: stable-4.16
                version: 4.16.8
                availableUpgrades: [4.16.9]
                labels: {sre-capabilities.aus.soak-days: "0", sre-capabilities.aus.workloads: wl, sre-capabilities.aus.schedule: "* * * * *"}
              - name: bad-1
                channel: stable-4.16
                version: 4.16.8
                availableUpgrades: [4.16.9]
                labels: {sre-capabilities.aus.soak-days: seven, sre-capabilities.aus.workloads: wl, sre-capabilities.aus.schedule: "* * * * *"}
            """);

        var run = await CliRun.RunAsync("plan", "--labels", "--fleet", fleet, "--now", Now, "--output", "json");

        var organization = JsonNode.Parse(run.Stdout)!["organizations"]![0]!;
        var error = organization["errors"]!.AsArray().Single()!;
        ((string?)error["cluster"]).ShouldBe("bad-1");
        ((string)error["message"]!).ShouldStartWith("label sre-capabilities.aus.soak-days: 'seven'");
        organization["actions"]!.AsArray().ShouldBeEmpty();
        run.Stderr.ShouldContain("OCM labels of organization org-1, cluster bad-1: error: label sre-capabilities.aus.soak-days");
    }

    [Fact]
    public async Task TheVersionGateApprovalsLabel_LetsAusAgreeToTheGates_ItNames()
    {
        var fleet = Path.Combine(_directory.FullName, "fleet.yaml");
        File.WriteAllText(fleet, """
            versionGates:
            - {id: gate-ocp-417, versionRawIdPrefix: "4.17", label: api.openshift.com/gate-ocp}
            organizations:
            - orgId: org-g
              clusters:
              - name: approves-ocp
                channel: stable-4.17
                version: 4.16.9
                availableUpgrades: [4.17.1]
                labels: {sre-capabilities.aus.soak-days: "0", sre-capabilities.aus.workloads: wl, sre-capabilities.aus.schedule: "* * * * *", sre-capabilities.aus.version-gate-approvals: api.openshift.com/gate-ocp}
              - name: approves-sts-only
                channel: stable-4.17
                version: 4.16.9
                availableUpgrades: [4.17.1]
                labels: {sre-capabilities.aus.soak-days: "0", sre-capabilities.aus.workloads: wl, sre-capabilities.aus.schedule: "* * * * *", sre-capabilities.aus.version-gate-approvals: api.openshift.com/gate-sts}
            """);

        var run = await CliRun.RunAsync("plan", "--labels", "--fleet", fleet, "--now", Now, "--output", "json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        var actions = JsonNode.Parse(run.Stdout)!["organizations"]![0]!["actions"]!.AsArray();
        var agreement = actions.ShouldHaveSingleItem()!;
        ((string?)agreement["action"]).ShouldBe("agree-version-gate");
        ((string?)agreement["cluster"]).ShouldBe("approves-ocp");
        ((string?)agreement["gate"]).ShouldBe("gate-ocp-417");
    }

    [Theory]
    [InlineData("report")]
    [InlineData("forecast", "--release", "4.16.9")]
    public async Task ReportAndForecast_TakeLabels(string command, params string[] more)
    {
        var labelled = LabelledFleet.Write(RepositoryPaths.Example("sectors-org.yaml"), RepositoryPaths.Example("sectors-fleet.yaml"), Path.Combine(_directory.FullName, "fleet.yaml"));

        var run = await CliRun.RunAsync([command, "--labels", "--fleet", labelled, "--history", RepositoryPaths.Example("sectors-history.json"), "--now", Now, "--output", "json", .. more]);

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("prod-3");
    }

    [Fact]
    public async Task ConfigFiles_WithLabels_SupplyTheName()
    {
        var labelled = LabelledFleet.Write(RepositoryPaths.Example("simple-org.yaml"), RepositoryPaths.Example("simple-fleet.yaml"), Path.Combine(_directory.FullName, "fleet.yaml"));

        var withoutFile = await CliRun.RunAsync("plan", "--labels", "--fleet", labelled, "--now", Now, "--output", "json");
        var withFile = await CliRun.RunAsync("plan", "--labels", "--config", RepositoryPaths.Example("simple-org.yaml"), "--fleet", labelled, "--now", Now, "--output", "json");

        var orgId = (string)JsonNode.Parse(withoutFile.Stdout)!["organizations"]![0]!["orgId"]!;
        ((string?)JsonNode.Parse(withoutFile.Stdout)!["organizations"]![0]!["name"]).ShouldBe(orgId);
        ((string?)JsonNode.Parse(withFile.Stdout)!["organizations"]![0]!["name"]).ShouldBe("simple-org");
    }

    [Fact]
    public async Task WithoutConfigOrLabels_PlanIsAUsageError()
    {
        var run = await CliRun.RunAsync("plan", "--fleet", RepositoryPaths.Example("simple-fleet.yaml"), "--now", Now);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("--labels");
    }

    [Fact]
    public async Task Explain_TakesLabels()
    {
        var labelled = LabelledFleet.Write(RepositoryPaths.Example("sectors-org.yaml"), RepositoryPaths.Example("sectors-fleet.yaml"), Path.Combine(_directory.FullName, "fleet.yaml"));
        string[] common = ["--fleet", labelled, "--history", RepositoryPaths.Example("sectors-history.json"), "--now", Now];

        var fromLabels = await CliRun.RunAsync(["explain", "prod-3", "--labels", .. common]);
        var fromFile = await CliRun.RunAsync(["explain", "prod-3", "--config", RepositoryPaths.Example("sectors-org.yaml"), .. common]);

        fromLabels.ExitCode.ShouldBe(0, fromLabels.Stderr);
        fromFile.Stdout.ShouldContain("upgrade to 4.16.8 at 2026-11-23T13:00:00Z");
        fromLabels.Stdout.ShouldContain("upgrade to 4.16.8 at 2026-11-23T13:00:00Z");
    }

    private static List<string> Actions(string planJson) =>
        [.. JsonNode.Parse(planJson)!["organizations"]!.AsArray().SelectMany(o => o!["actions"]!.AsArray()).Select(a => a!.ToJsonString())];
}
