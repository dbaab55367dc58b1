using Aus.Application.Inputs;
using Aus.Application.Reconcile;
using Aus.Application.Tests.Fakes;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Reconcile;

/// <summary>A pass over an organization that manages add-on upgrades: add-ons read, planned, applied, audited and their histories kept.</summary>
public sealed class AddonPassTests
{
    private static PassWorld World(bool addonManaged = true)
    {
        var world = new PassWorld();
        var policy = Organization("org-a", [Policy("org-a-c1")]) with { AddonManagedUpgrades = addonManaged };
        world.Organizations.Add(new OrganizationConfig(policy));
        world.Fleet.With("org-a", Cluster("org-a-c1", "4.16.1") with { Addons = [Addon("addon-x", "1.0.0")] });
        world.Fleet.AddonVersions["addon-x"] = "1.1.0";
        return world;
    }

    [Fact]
    public async Task TheFleetIsAskedForAddons_OfTheOrganizationsThatManageThem_Only()
    {
        var managed = World();
        var unmanaged = World(addonManaged: false);

        await managed.RunAsync();
        await unmanaged.RunAsync();

        managed.Fleet.AddonReads.ShouldHaveSingleItem().ShouldBe(["org-a"]);
        unmanaged.Fleet.AddonReads.ShouldHaveSingleItem().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAddonUpgrade_IsApplied_AndAuditedUnderItsOwnName()
    {
        var world = World();

        await world.RunAsync();

        var created = world.Actions.Applied.OfType<CreateUpgradePolicy>().ShouldHaveSingleItem();
        created.Addon.ShouldBe("addon-x");
        var audit = world.Store.Audit.ShouldHaveSingleItem();
        audit.Action.ShouldBe("create-addon-upgrade-policy");
        audit.Version.ShouldBe("addon-x/1.1.0");
        audit.Reason.ShouldNotBeNull().ShouldContain("addon-x");
    }

    [Fact]
    public async Task TheAddonHistory_IsReadBeforeThePass_AndKeptAfterIt()
    {
        var world = World();
        world.Store.AddonHistories[(PassWorld.Key("org-a"), "addon-x")] = History(PassWorld.Now.AddDays(-1), ("1.0.0", "wl", 2, ["org-a-c1"]));

        await world.RunAsync();

        var kept = world.Store.AddonHistories[(PassWorld.Key("org-a"), "addon-x")];
        kept.CheckIn.ShouldBe(PassWorld.Now);
        kept.Versions["1.0.0"].Values.Single().SoakDays.ShouldBeGreaterThan(2, "the stored soak days were read and counted on");
        world.Store.Histories[PassWorld.Key("org-a")].Versions.ShouldNotContainKey("1.0.0", "an add-on's versions stay out of the organization's history");
    }

    [Fact]
    public async Task ADryRun_KeepsNoAddonHistory()
    {
        var world = World();

        await world.RunAsync(new ReconcileSettings { DryRun = true });

        world.Store.AddonHistories.ShouldBeEmpty();
    }

    [Fact]
    public void DeletingAnAddonPolicy_HasItsOwnAuditName()
    {
        var delete = new DeleteUpgradePolicy("c1", new Domain.Fleet.ClusterId("id-c1"), Domain.Fleet.UpgradePolicyKind.Addon, "p-1") { Addon = "addon-x" };

        ActionNames.Of(delete).ShouldBe("delete-addon-upgrade-policy");
        ActionNames.TargetOf(delete).ShouldBe("addon-x");
    }
}
