using Aus.Application.Reconcile;
using Aus.Application.Tests.Fakes;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;

namespace Aus.Application.Tests.Reconcile;

/// <summary>An organization whose data an owned one inherits is read and planned, never acted on by this replica.</summary>
public sealed class InheritanceSourceTests
{
    private static readonly ReconcileSettings Replicated = new() { UseLeases = true };

    [Fact]
    public async Task ASourceHeldElsewhere_IsPlannedButNotActedOn()
    {
        var world = new PassWorld()
            .Org("stage")
            .Org("prod", c => c with { Policy = c.Policy with { InheritVersionData = [new InheritedOrganization(new OrganizationId("stage"), null)] } });
        world.Store.HeldElsewhere.Add("stage");

        var report = await world.RunAsync(Replicated);

        world.Fleet.Reads.ShouldHaveSingleItem().ShouldBe(["stage", "prod"], ignoreOrder: true);
        report.Organizations.Single(o => o.OrgId.Value == "stage").HeldElsewhere.ShouldBeTrue();
        world.Actions.Applied.ShouldAllBe(a => a.Cluster == "prod-c1");
        world.Store.Commits.ShouldBe([PassWorld.Key("prod")]);
    }

    [Fact]
    public async Task AnOrganizationNobodyInherits_IsNotReadWhenHeldElsewhere()
    {
        var world = new PassWorld().Org("stage").Org("prod");
        world.Store.HeldElsewhere.Add("stage");

        await world.RunAsync(Replicated);

        world.Fleet.Reads.ShouldHaveSingleItem().ShouldBe(["prod"]);
    }

    [Fact]
    public async Task NothingOwned_ReadsNothing()
    {
        var world = new PassWorld().Org("org-a");
        world.Store.HeldElsewhere.Add("org-a");

        var report = await world.RunAsync(Replicated);

        world.Fleet.Reads.ShouldBeEmpty();
        report.Failed.ShouldBeFalse();
    }
}
