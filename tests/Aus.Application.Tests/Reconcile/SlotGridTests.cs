using Aus.Application.Reconcile;
using Aus.Application.Tests.Fakes;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Reconcile;

/// <summary>
/// Replicas share the store and pass on the same interval grid: an organization another replica holds,
/// or already checked in within the current slot, is left alone; each organization is processed once per slot.
/// </summary>
public sealed class SlotGridTests
{
    private static readonly ReconcileSettings Replicated = new() { UseLeases = true, PassInterval = TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task AnOrganizationHeldByAnotherReplica_IsLeftAlone()
    {
        var world = new PassWorld().Org("org-a").Org("org-b");
        world.Store.HeldElsewhere.Add("org-a");

        var report = await world.RunAsync(Replicated);

        report.Organizations.Single(o => o.OrgId.Value == "org-a").HeldElsewhere.ShouldBeTrue();
        report.Organizations.Single(o => o.OrgId.Value == "org-a").Processed.ShouldBeFalse();
        world.Actions.Applied.Select(a => a.Cluster).ShouldBe(["org-b-c1"]);
        world.Store.LeasesReleased.ShouldBe(1, "the lease taken on org-b is given back after the pass");
    }

    [Theory]
    [InlineData("2026-11-23T12:00:00Z", true)]
    [InlineData("2026-11-23T12:01:59Z", true)]
    [InlineData("2026-11-23T11:59:59Z", false)]
    public async Task ACheckInInTheCurrentSlot_MeansAnotherReplicaProcessedIt(string checkIn, bool skipped)
    {
        // The pass runs at 12:02; with a 5 minute interval its slot began at 12:00.
        var world = new PassWorld().Org("org-a");
        world.Store.Histories[PassWorld.Key("org-a")] = History(At(checkIn));

        var report = await world.RunAsync(Replicated);

        report.Organizations.Single().AlreadyProcessed.ShouldBe(skipped);
        world.Actions.Applied.Count.ShouldBe(skipped ? 0 : 1);
    }

    [Fact]
    public async Task WithoutLeases_TheSlotIsNotConsulted()
    {
        var world = new PassWorld().Org("org-a");
        world.Store.Histories[PassWorld.Key("org-a")] = History(PassWorld.Now);

        var report = await world.RunAsync(new ReconcileSettings { PassInterval = TimeSpan.FromMinutes(5) });

        report.Organizations.Single().Processed.ShouldBeTrue();
        world.Store.LeasesTaken.ShouldBeEmpty();
    }
}
