using Aus.Cli.Tests.Service;
using Aus.Simulator;
using Aus.Storage;

namespace Aus.Cli.Tests.Notifications;

/// <summary>The halt on failure announced: the simulator fails the first upgrades to a version, and the halt goes out once.</summary>
public sealed class HaltNotificationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private const string Fleet = """
        organizations:
        - orgId: org-h
          clusters:
          - {name: h-1, externalId: uuid-h-1, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - {name: h-2, externalId: uuid-h-2, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - {name: h-3, externalId: uuid-h-3, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
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
        """;

    [Fact]
    public async Task AVersionHaltedAfterFailedUpgrades_IsAnnouncedOnce_WithEachFailure()
    {
        await using var receiver = new CloudEventReceiver();
        await using var bed = await ServiceTestBed.StartWithFleetAsync(
            new SimulatorOptions { FleetYaml = Fleet, InitialTime = Start, UpgradeDuration = TimeSpan.FromMinutes(90) }, Organization);
        bed.Simulator.FailUpgrades("4.16.9", clusters: 2);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        await using var service = await NotifyingService.StartAsync(bed, store, NotifyingService.Settings(bed, receiver.Url), http);

        var halts = 0;
        for (var pass = 0; pass < 24; pass++)
        {
            var report = await service.PassAndDeliverAsync();
            halts += report.Organizations.Sum(o => o.HaltedVersions.Length);
            bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
        }

        halts.ShouldBe(1);
        var events = receiver.Events;
        events.Select(e => e.Id).ShouldBeUnique();
        var halted = events.Where(e => e.Type == "aus.version-halted").ShouldHaveSingleItem();
        halted.Subject.ShouldBeNull();
        halted.Organization.ShouldBe("org-h");
        halted.Version.ShouldBe("4.16.9");
        events.Where(e => e.Type == "aus.upgrade-failed").Select(e => e.Subject).ShouldBe(["h-1", "h-2"], ignoreOrder: true);
        events.ShouldNotContain(e => e.Subject == "h-3" && e.Type == "aus.upgrade-scheduled", "the halted version is not scheduled for the rest");
    }
}
