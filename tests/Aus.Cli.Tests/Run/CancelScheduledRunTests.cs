using System.Text.Json.Nodes;
using Aus.Simulator;
using Aus.Storage;
using Aus.TestKit;

namespace Aus.Cli.Tests.Run;

/// <summary>
/// `aus pause --cancel-scheduled` end to end: the next `aus run` against the OCM simulator deletes
/// the scheduled upgrade policy of the paused cluster, after plan and dry run showed the delete and
/// deleted nothing; the other cluster's policy, and every policy under a pause without the flag, stay.
/// </summary>
public sealed class CancelScheduledRunTests : IAsyncLifetime
{
    private const string Now = "2026-11-23T12:00:00Z";

    private const string Fleet = """
        organizations:
        - orgId: org-c
          clusters:
          - name: c-1
            externalId: uuid-c-1
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            upgradePolicies:
            - {id: p-1, version: 4.16.9, scheduleType: manual, nextRun: "2026-11-23T22:00:00Z", state: scheduled}
          - name: c-2
            externalId: uuid-c-2
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            upgradePolicies:
            - {id: p-2, version: 4.16.9, scheduleType: manual, nextRun: "2026-11-23T22:00:00Z", state: scheduled}
        """;

    private const string Organization = """
        name: org-c
        orgId: org-c
        upgradePolicyAllowedWorkloads: [wl]
        upgradePolicyClusters:
        - {name: c-1, upgradePolicy: {workloads: [wl], schedule: '0 22 * * *', conditions: {soakDays: 0}}}
        - {name: c-2, upgradePolicy: {workloads: [wl], schedule: '0 22 * * *', conditions: {soakDays: 0}}}
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-cancel-");
    private OcmSimulator _simulator = null!;

    private string OrganizationFile => Path.Combine(_directory.FullName, "org-c.yaml");

    private string StateFile => Path.Combine(_directory.FullName, "state.db");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(OrganizationFile, Organization);
        _simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetYaml = Fleet, InitialTime = DateTimeOffset.Parse(Now, System.Globalization.CultureInfo.InvariantCulture) },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task PauseWithCancelScheduled_ThenRun_DeletesThePausedClustersScheduledPolicy()
    {
        var pause = await CliRun.RunAsync("pause", "--org", "org-c", "--cluster", "c-1", "--cancel-scheduled", "--reason", "bad disk", "--state", StateFile);
        pause.ExitCode.ShouldBe(0, pause.Stderr);
        pause.Stdout.ShouldBe("paused: cluster c-1 of organization org-c (production), cancelling scheduled upgrades: bad disk\n");

        var plan = await ChildProcess.RunAusAsync(["plan", "--config", OrganizationFile, "--now", Now, "--state", StateFile, "--output", "json"], OcmEnvironment());
        plan.ExitCode.ShouldBe(0, plan.Stderr);
        var actions = JsonNode.Parse(plan.Stdout)!["organizations"]![0]!["actions"]!.AsArray();
        var delete = actions.ShouldHaveSingleItem()!;
        delete["action"]!.GetValue<string>().ShouldBe("delete-upgrade-policy");
        delete["kind"]!.GetValue<string>().ShouldBe("cluster");
        delete["cluster"]!.GetValue<string>().ShouldBe("c-1");
        delete["policyId"]!.GetValue<string>().ShouldBe("p-1");
        delete["version"]!.GetValue<string>().ShouldBe("4.16.9");

        var dryRun = await ChildProcess.RunAusAsync(["run", "--dry-run", "--config", OrganizationFile, "--now", Now, "--state", StateFile], OcmEnvironment());
        dryRun.ExitCode.ShouldBe(0, dryRun.Stderr);
        PoliciesInOcm().ShouldBe(["c-1 p-1", "c-2 p-2"]);

        var run = await ChildProcess.RunAusAsync(["run", "--config", OrganizationFile, "--now", Now, "--state", StateFile], OcmEnvironment());
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("delete cluster upgrade policy p-1 of c-1 (to 4.16.9)");
        PoliciesInOcm().ShouldBe(["c-2 p-2"]);

        await using var store = await StateStore.OpenAsync(Service.ServiceTestBed.Sqlite(StateFile));
        var audit = (await store.QueryAuditAsync(new AuditQuery())).Single(a => a.Action == "delete-upgrade-policy");
        audit.Cluster.ShouldBe("c-1");
        audit.Version.ShouldBe("4.16.9");
        audit.Reason.ShouldNotBeNull().ShouldContain("paused by the cluster c-1 pause: bad disk, which cancels scheduled upgrades");

        // The next pass finds the cluster without a policy and holds it as paused.
        var again = await ChildProcess.RunAusAsync(["plan", "--config", OrganizationFile, "--now", Now, "--state", StateFile, "--output", "json"], OcmEnvironment());
        JsonNode.Parse(again.Stdout)!["organizations"]![0]!["actions"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task APauseWithoutTheFlag_LeavesEveryPolicyInOcm()
    {
        (await CliRun.RunAsync("pause", "--org", "org-c", "--state", StateFile)).ExitCode.ShouldBe(0);

        var run = await ChildProcess.RunAusAsync(["run", "--config", OrganizationFile, "--now", Now, "--state", StateFile], OcmEnvironment());

        run.ExitCode.ShouldBe(0, run.Stderr);
        PoliciesInOcm().ShouldBe(["c-1 p-1", "c-2 p-2"]);
    }

    private Dictionary<string, string?> OcmEnvironment() => new()
    {
        ["OCM_URL"] = _simulator.BaseUrl.ToString(),
        ["OCM_TOKEN_URL"] = _simulator.TokenUrl.ToString(),
        ["OCM_CLIENT_ID"] = _simulator.ClientId,
        ["OCM_CLIENT_SECRET"] = _simulator.ClientSecret,
        ["OCM_TOKEN"] = null,
        ["AUS_STATE"] = null,
        ["AUS_SETTINGS"] = null,
    };

    private List<string> PoliciesInOcm()
    {
        var fleet = JsonNode.Parse(_simulator.FleetJson())!;
        return
        [
            .. fleet["organizations"]!.AsArray().SelectMany(o => o!["clusters"]!.AsArray()).OfType<JsonObject>()
                .SelectMany(c => c["upgradePolicies"]!.AsArray().Select(p => $"{c["name"]} {p!["id"]}"))
                .Order(StringComparer.Ordinal),
        ];
    }
}
