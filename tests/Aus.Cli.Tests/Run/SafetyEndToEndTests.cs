using System.Text.Json.Nodes;
using Aus.Cli.Tests.Service;
using Aus.Domain.Planning;
using Aus.Simulator;
using Aus.Storage;

namespace Aus.Cli.Tests.Run;

/// <summary>
/// The rollout safety controls in the service's passes against the OCM simulator over simulated
/// days: a version whose first upgrades fail is halted for the rest of the organization until
/// `aus resume --version`, and a pause set with `aus pause` while the service runs holds the next pass.
/// </summary>
public sealed class SafetyEndToEndTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Five clusters, each with its own daily window, so their upgrades come one after another.</summary>
    private const string Fleet = """
        organizations:
        - orgId: org-h
          clusters:
          - {name: h-1, externalId: uuid-h-1, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - {name: h-2, externalId: uuid-h-2, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - {name: h-3, externalId: uuid-h-3, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - {name: h-4, externalId: uuid-h-4, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - {name: h-5, externalId: uuid-h-5, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
        """;

    private const string Organization = """
        name: org-h
        orgId: org-h
        upgradePolicyAllowedWorkloads: [wl]
        haltOnFailure: {failedUpgrades: 2}
        upgradePolicyClusters:
        - {name: h-1, upgradePolicy: {workloads: [wl], schedule: '0 1 * * *', conditions: {soakDays: 0}}}
        - {name: h-2, upgradePolicy: {workloads: [wl], schedule: '0 5 * * *', conditions: {soakDays: 0}}}
        - {name: h-3, upgradePolicy: {workloads: [wl], schedule: '0 9 * * *', conditions: {soakDays: 0}}}
        - {name: h-4, upgradePolicy: {workloads: [wl], schedule: '0 13 * * *', conditions: {soakDays: 0}}}
        - {name: h-5, upgradePolicy: {workloads: [wl], schedule: '0 17 * * *', conditions: {soakDays: 0}}}
        """;

    [Fact]
    public async Task AVersionWhoseFirstUpgradesFail_IsHaltedForTheRest_UntilResumed_ThenTheRolloutFinishes()
    {
        // OCM forgets a failed policy an hour after the failure: the store must remember it.
        await using var bed = await ServiceTestBed.StartWithFleetAsync(
            new SimulatorOptions { FleetYaml = Fleet, InitialTime = Start, UpgradeDuration = TimeSpan.FromMinutes(90), FailedPolicyRetention = TimeSpan.FromHours(1) },
            Organization);
        bed.Simulator.FailUpgrades("4.16.9", clusters: 2);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);

        var completed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var failed = new List<string>();
        var haltedAt = (DateTimeOffset?)null;
        var createdWhileHalted = new List<string>();
        var heldAsHalted = new HashSet<string>(StringComparer.Ordinal);
        var resumed = false;
        for (var pass = 0; pass < 24 * 3 && completed.Count < 5; pass++)
        {
            var now = bed.Simulator.Clock.Now;
            if (haltedAt is not null && !resumed && now >= Start.AddHours(20))
            {
                var controls = await CliRun.RunAsync("controls", "--org", "org-h", "--state", bed.StateFile);
                controls.Stdout.ShouldContain("halt      org-h (production) version 4.16.9");
                controls.Stdout.ShouldContain("2 clusters failed to upgrade to 4.16.9 (haltOnFailure.failedUpgrades 2): h-1, h-2");
                controls.Stdout.ShouldContain("failure   org-h (production) cluster h-1 version 4.16.9");
                var resume = await CliRun.RunAsync("resume", "--org", "org-h", "--version", "4.16.9", "--state", bed.StateFile);
                resume.ExitCode.ShouldBe(0, resume.Stderr);
                resumed = true;
            }

            var outcome = (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single();
            outcome.Failure.ShouldBeNull();
            if (!outcome.HaltedVersions.IsEmpty)
            {
                haltedAt.ShouldBeNull("a version is halted once");
                outcome.HaltedVersions.ShouldBe(["4.16.9"]);
                haltedAt = now;
                var metrics = await ServiceEndpointTests.ScrapeAsync(service);
                metrics.Single("aus_organization_version_halted", ("org_id", "org-h"), ("version", "4.16.9")).Value.ShouldBe(1);
            }

            if (haltedAt is not null && !resumed)
            {
                createdWhileHalted.AddRange(outcome.Results.Select(r => r.Action.Cluster));
                heldAsHalted.UnionWith(outcome.Plan!.Clusters.Where(c => c.Reason == Reason.VersionHalted).Select(c => c.Name));
            }

            foreach (var transition in bed.Simulator.Clock.Advance(TimeSpan.FromHours(1)))
            {
                if (transition.State == "failed")
                {
                    failed.Add(transition.ClusterName);
                }
                else if (transition.State == "completed")
                {
                    completed[transition.ClusterName] = transition.At;
                }
            }
        }

        failed.ShouldBe(["h-1", "h-2"]);
        haltedAt.ShouldBe(Start.AddHours(7), "h-2's failure shows at 07:00; h-1's failed policy was long forgotten by OCM, not by the store");
        createdWhileHalted.ShouldBeEmpty();
        heldAsHalted.ShouldBe(["h-3", "h-4", "h-5"], ignoreOrder: true, "each in its window while the version was halted");
        resumed.ShouldBeTrue();
        completed.Keys.ShouldBe(["h-1", "h-2", "h-3", "h-4", "h-5"], ignoreOrder: true);
        completed.Values.ShouldAllBe(at => at > Start.AddHours(20), "nothing upgraded to the halted version before the resume");
        (await store.QueryAuditAsync(new AuditQuery())).Select(a => a.Action).ShouldContain("halt-version");
    }

    [Fact]
    public async Task APauseThatCancelsScheduledUpgrades_SetWhileTheServiceRuns_DeletesThePolicyAtTheNextPass()
    {
        const string fleet = """
            organizations:
            - orgId: org-h
              clusters:
              - name: h-1
                externalId: uuid-h-1
                channel: stable-4.16
                version: 4.16.8
                availableUpgrades: [4.16.9]
                upgradePolicies:
                - {id: p-1, version: 4.16.9, scheduleType: manual, nextRun: "2026-11-23T01:00:00Z", state: scheduled}
            """;
        await using var bed = await ServiceTestBed.StartWithFleetAsync(new SimulatorOptions { FleetYaml = fleet, InitialTime = Start }, Organization);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);
        var before = (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single();
        before.Results.ShouldBeEmpty();

        (await CliRun.RunAsync("pause", "--org", "org-h", "--cluster", "h-1", "--cancel-scheduled", "--state", bed.StateFile)).ExitCode.ShouldBe(0);
        var next = (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single();

        next.Results.ShouldHaveSingleItem().Action.ShouldBeOfType<DeleteUpgradePolicy>().PolicyId.ShouldBe("p-1");
        JsonNode.Parse(bed.Simulator.FleetJson())!["organizations"]![0]!["clusters"]![0]!["upgradePolicies"]!.AsArray().ShouldBeEmpty();
        bed.Simulator.Clock.Advance(TimeSpan.FromHours(2)).ShouldBeEmpty("the deleted policy never runs");
    }

    [Fact]
    public async Task APauseSetWhileTheServiceRuns_HoldsTheNextPass_AndResumeReleasesIt()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);

        (await CliRun.RunAsync("pause", "--org", "org-a", "--reason", "incident 42", "--state", bed.StateFile)).ExitCode.ShouldBe(0);
        var paused = (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single();

        paused.Results.ShouldBeEmpty();
        paused.Plan!.Clusters.ShouldAllBe(c => c.Reason == Reason.Paused && c.Detail.Contains("incident 42"));
        var metrics = await ServiceEndpointTests.ScrapeAsync(service);
        metrics.Single("aus_organization_clusters_held", ("org_id", "org-a"), ("reason", "paused")).Value.ShouldBe(2);
        metrics.Single("aus_organization_pause", ("org_id", "org-a"), ("scope", "organization")).Value.ShouldBe(1);

        (await CliRun.RunAsync("resume", "--org", "org-a", "--state", bed.StateFile)).ExitCode.ShouldBe(0);
        var released = (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single();

        released.Results.Select(r => r.Action.Cluster).ShouldBe(["a-1", "a-2"], ignoreOrder: true);
        metrics = await ServiceEndpointTests.ScrapeAsync(service);
        metrics.Single("aus_organization_clusters_held", ("org_id", "org-a"), ("reason", "paused")).Value.ShouldBe(0);
        metrics.Named("aus_organization_pause").ShouldBeEmpty();
    }
}
