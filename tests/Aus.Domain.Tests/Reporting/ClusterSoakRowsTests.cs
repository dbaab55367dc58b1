using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Reporting;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Reporting;

/// <summary>The planner's remaining-soak rows, which the service's soak gauges only read.</summary>
public sealed class ClusterSoakRowsTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static OrganizationPlan Plan(OrganizationInput input, FleetSnapshot fleet, bool include = true) =>
        FleetPlanner.Plan(new PlanRequest([input], fleet, Now) { IncludeRemainingSoak = include }).Organizations.Single();

    [Fact]
    public void WithoutBeingAskedFor_ThePlanCarriesNoRows()
    {
        var organization = Organization("org", [Policy("a", soakDays: 2)]);

        var plan = Plan(Input(organization), Build.Fleet("org", [Cluster("a", "4.16.1", "4.16.2")]), include: false);

        plan.RemainingSoak.ShouldBeEmpty();
    }

    [Fact]
    public void EveryClusterInOcm_HasARow_InPolicyOrder_WithTheDaysItsUpgradesStillHaveToSoak()
    {
        var organization = Organization("org", [Policy("b", soakDays: 2), Policy("missing"), Policy("a", soakDays: 2)]);
        var history = Build.History(Now, ("4.16.2", "wl", 1, ["a"]));

        var plan = Plan(Input(organization, history), Build.Fleet("org", [Cluster("a", "4.16.1", "4.16.2"), Cluster("b", "4.16.1", "4.16.3")]));

        plan.RemainingSoak.Select(r => r.Cluster.Name).ShouldBe(["b", "a"], "policy order; a cluster OCM does not know has no row");
        plan.RemainingSoak[1].Remaining.ShouldBe([new RemainingSoak("4.16.2", 1)], "2 days to soak, 1 soaked");
        plan.RemainingSoak[0].Remaining.ShouldBe([new RemainingSoak("4.16.3", 2)]);
        plan.RemainingSoak[0].Policy.Name.ShouldBe("b");
    }

    [Fact]
    public void TheRowsCurrentVersion_IsTheOldestTheClusterRuns()
    {
        var organization = Organization("org", [Policy("h")]);

        var plan = Plan(Input(organization), Build.Fleet("org", [Hcp("h", "4.16.5", ["4.16.6"], ("pool-1", "4.16.2"))]));

        plan.RemainingSoak.ShouldHaveSingleItem().CurrentVersion.ShouldBe("4.16.2");
    }

    [Fact]
    public void AClusterWithAnErrorOfItsOwn_HasNoRow_ButTheOthersOfTheInvalidOrganizationDo()
    {
        var organization = Organization("org", [Policy("a"), Policy("b")]);
        var input = Input(organization, errors: [new OrganizationMessage("a", "schedule: invalid cron")]);

        var plan = Plan(input, Build.Fleet("org", [Cluster("a", "4.16.1", "4.16.2"), Cluster("b", "4.16.1", "4.16.2")]));

        plan.RemainingSoak.ShouldHaveSingleItem().Cluster.Name.ShouldBe("b");
    }

    [Fact]
    public void AReadyAddonOfAnOrganizationThatManagesAddons_HasARow_WithItsOwnSoakData()
    {
        var organization = Organization("org", [Policy("c", soakDays: 3)]) with { AddonManagedUpgrades = true };
        var cluster = Cluster("c", "4.16.1") with { Addons = [Addon("addon-x", "1.0.0"), Addon("addon-y", "2.0.0", "installing")] };
        var fleet = Build.Fleet("org", [cluster]) with { AddonVersions = ImmutableDictionary<string, string>.Empty.Add("addon-x", "1.1.0") };
        var addonHistory = Build.History(Now, ("1.1.0", "wl", 2, ["c"]));
        var input = Input(organization) with { AddonHistories = ImmutableDictionary<string, Domain.History.VersionHistory>.Empty.Add("addon-x", addonHistory) };

        var plan = Plan(input, fleet);

        var row = plan.RemainingSoak.ShouldHaveSingleItem();
        var addon = row.Addons.ShouldHaveSingleItem("an add-on that is not ready has no row");
        (addon.Addon, addon.Version).ShouldBe(("addon-x", "1.0.0"));
        addon.Remaining.ShouldBe([new RemainingSoak("1.1.0", 1)], "3 days to soak, 2 soaked in the add-on's own data");
    }

    [Fact]
    public void AnOrganizationThatDoesNotManageAddons_HasNoAddonRows()
    {
        var organization = Organization("org", [Policy("c")]);
        var cluster = Cluster("c", "4.16.1") with { Addons = [Addon("addon-x", "1.0.0")] };
        var fleet = Build.Fleet("org", [cluster]) with { AddonVersions = ImmutableDictionary<string, string>.Empty.Add("addon-x", "1.1.0") };

        Plan(Input(organization), fleet).RemainingSoak.ShouldHaveSingleItem().Addons.ShouldBeEmpty();
    }
}
