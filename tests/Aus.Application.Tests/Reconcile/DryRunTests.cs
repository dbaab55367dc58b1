using Aus.Application.Ports;
using Aus.Application.Reconcile;
using Aus.Application.Tests.Fakes;

namespace Aus.Application.Tests.Reconcile;

/// <summary>A dry run decides and reports as a real pass does, and changes nothing anywhere.</summary>
public sealed class DryRunTests
{
    [Fact]
    public async Task DryRun_ReportsTheActions_AndTouchesNothing()
    {
        var world = new PassWorld().Org("org-a").Org("org-b", c => PassWorld.WithClusterError(c, "org-b-c1", "schedule is not valid"));

        var report = await world.RunAsync(new ReconcileSettings { DryRun = true, UseLeases = true });

        report.Organizations.Single(o => o.OrgId.Value == "org-a").Results.ShouldHaveSingleItem().Outcome.ShouldBe(ActionOutcome.DryRun);
        report.Organizations.Single(o => o.OrgId.Value == "org-b").ServiceLogsSent.ShouldBe(0);
        world.Actions.Applied.ShouldBeEmpty();
        world.Store.Writes.ShouldBe(0, "no history, no audit, no service-log record");
        world.Store.LeasesTaken.Count.ShouldBe(2, "a dry run still takes leases, so it never reports on an organization a replica is midway through");
        world.ServiceLogs.Posted.ShouldBeEmpty();
        world.ServiceLogs.Searches.ShouldBe(0);
    }

    [Fact]
    public async Task DryRun_StillReadsTheStoredHistory()
    {
        var world = new PassWorld().Org("org-a");
        world.Store.Histories[PassWorld.Key("org-a")] = Aus.TestKit.Build.History(PassWorld.Now.AddDays(-1), ("4.16.1", "wl", 3, ["org-a-c1"]));

        var report = await world.RunAsync(new ReconcileSettings { DryRun = true });

        var versions = report.Organizations.Single().Plan!.History!.Versions;
        versions["4.16.1"].Values.Single().SoakDays.ShouldBeGreaterThan(3, "the stored soak days were read and counted on");
    }

    [Fact]
    public async Task AsDryRun_IsTheSameWhenAppliedTwice()
    {
        var store = new InMemoryPassStore();
        var ports = new ReconcilePorts(new FakeFleetSource(), new FakeActionSink(), store).AsDryRun();

        ports.AsDryRun().Store.ShouldBeSameAs(ports.Store);
    }
}
