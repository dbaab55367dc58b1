using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.TestKit;
using Aus.Domain.Versions;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md section 15: which add-ons get a spec, and what the add-on passes plan.</summary>
public sealed class AddonPlanningTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly Dictionary<string, string> Latest = new() { ["addon-a"] = "1.3.0", ["addon-b"] = "2.1.0" };

    [Fact]
    public void WithoutAddonManagedUpgrades_AddonsAreNotPlanned()
    {
        var organization = Organization("org", [Policy("c")]);
        var cluster = Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] };
        var input = Input(organization);
        var fleet = Build.Fleet("org", [cluster]) with { AddonVersions = Latest.ToImmutableDictionary() };

        var plan = PlanMany([input], fleet, Now).Organizations.Single();

        plan.Clusters.ShouldAllBe(c => c.Addon == null);
        plan.Actions.ShouldBeEmpty();
        plan.AddonHistories.ShouldBeEmpty();
    }

    [Fact]
    public void AReadyAddonBehindTheCatalog_IsUpgradedToTheLatestVersion()
    {
        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] }], Latest, Now);

        var decision = plan.AddonDecision("c", "addon-a");
        decision.Decision.ShouldBe(Decision.Upgrade);
        decision.Reason.ShouldBe(Reason.Scheduled);
        decision.Version.ShouldBe("1.2.0");
        decision.TargetVersion.ShouldBe("1.3.0");
        decision.NextRun.ShouldBe(Now.AddMinutes(6));
        decision.Detail.ShouldBe("upgrade add-on addon-a to 1.3.0 at 2026-11-23T12:06:00Z: the highest version that meets every condition");
        plan.Actions.ShouldBe([new CreateUpgradePolicy("c", new ClusterId("id-c"), UpgradePolicyKind.Addon, OpenShiftVersion.Parse("1.3.0"), Now.AddMinutes(6)) { Addon = "addon-a" }]);
    }

    [Fact]
    public void AnAddonOnTheLatestVersion_HasNoUpgradeAvailable()
    {
        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "1.3.0")] }], Latest, Now);

        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.NoUpgradesAvailable);
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void AnAddonAboveTheCatalog_IsOfferedTheCatalogVersion_BecauseOnlyADifferenceCounts()
    {
        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "1.4.0")] }], Latest, Now);

        plan.AddonDecision("c", "addon-a").TargetVersion.ShouldBe("1.3.0");
    }

    [Theory]
    [InlineData("installing")]
    [InlineData("failed")]
    [InlineData("deleting")]
    public void AnAddonThatIsNotReady_GetsNoSpec(string state)
    {
        var plan = PlanWithAddons(
            Organization("org", [Policy("c")]),
            [Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0", state), Addon("unknown-addon", "1.0.0", state)] }],
            Latest,
            Now);

        plan.Clusters.ShouldAllBe(c => c.Addon == null);
        plan.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void AddonPasses_RunPerAddonIdInSortedOrder_AfterTheClusterPass()
    {
        var clusters = new[]
        {
            Cluster("c", "4.16.1", "4.16.2") with { Addons = [Addon("addon-b", "2.0.0"), Addon("addon-a", "1.2.0")] },
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), clusters, Latest, Now);

        plan.Clusters.Select(c => c.Addon).ShouldBe([null, "addon-a", "addon-b"]);
        plan.Actions.OfType<CreateUpgradePolicy>().Select(a => a.Addon).ShouldBe([null, "addon-a", "addon-b"]);
    }

    [Fact]
    public void TwoAddonsOfOneCluster_DoNotLockEachOther_NorDoesTheClusterUpgrade()
    {
        var cluster = Cluster("c", "4.16.1", "4.16.2") with { Addons = [Addon("addon-a", "1.2.0"), Addon("addon-b", "2.0.0")] };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [cluster], Latest, Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.Scheduled);
        plan.AddonDecision("c", "addon-b").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void AnAddonPolicyOfOneAddon_DoesNotHoldAnotherAddonOfTheCluster()
    {
        var cluster = Cluster("c", "4.16.1") with
        {
            Addons = [Addon("addon-a", "1.2.0"), Addon("addon-b", "2.0.0")],
            AddonUpgradePolicies = [AddonPolicy("addon-a", "1.3.0")],
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [cluster], Latest, Now);

        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.AddonDecision("c", "addon-b").Reason.ShouldBe(Reason.Scheduled);
        plan.Decision("c").Reason.ShouldBe(Reason.NoUpgradesAvailable);
    }

    [Fact]
    public void AnAddonPolicy_IsNotAnUpgradeOfTheClusterItself()
    {
        var cluster = Cluster("c", "4.16.1", "4.16.2") with
        {
            Addons = [Addon("addon-a", "1.2.0")],
            AddonUpgradePolicies = [AddonPolicy("addon-a", "1.3.0")],
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [cluster], Latest, Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void WithinOneAddon_AMutexIsHeldByTheFirstClusterUpgradingIt()
    {
        var clusters = new[]
        {
            Cluster("p1", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0"), Addon("addon-b", "2.0.0")] },
            Cluster("p2", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0"), Addon("addon-b", "2.0.0")] },
        };

        var plan = PlanWithAddons(Organization("org", [Policy("p1", mutexes: ["prod"]), Policy("p2", mutexes: ["prod"])]), clusters, Latest, Now);

        foreach (var addon in new[] { "addon-a", "addon-b" })
        {
            plan.AddonDecision("p1", addon).Reason.ShouldBe(Reason.Scheduled);
            plan.AddonDecision("p2", addon).Reason.ShouldBe(Reason.MutexLocked);
            plan.AddonDecision("p2", addon).Detail.ShouldBe($"mutex prod is held by p1 (upgrading to {Latest[addon]})");
        }
    }

    [Fact]
    public void AnExistingAddonPolicy_HoldsTheMutexForItsAddon()
    {
        var clusters = new[]
        {
            Cluster("p1", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] },
            Cluster("p2", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")], AddonUpgradePolicies = [AddonPolicy("addon-a", "1.3.0", UpgradePolicyState.Started)] },
        };

        var plan = PlanWithAddons(Organization("org", [Policy("p1", mutexes: ["prod"]), Policy("p2", mutexes: ["prod"])]), clusters, Latest, Now);

        plan.AddonDecision("p2", "addon-a").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.AddonDecision("p2", "addon-a").Detail.ShouldBe("add-on addon-a: upgrade policy addon-a-policy-1.3.0 to 1.3.0 exists in OCM (state started)");
        plan.AddonDecision("p1", "addon-a").Reason.ShouldBe(Reason.MutexLocked);
    }

    [Fact]
    public void AddonVersionsAreOrderedAmongThemselves_LowestAddonVersionFirst()
    {
        // p2 runs the older add-on, so it takes the mutex, whatever the clusters' own versions.
        var clusters = new[]
        {
            Cluster("p1", "4.15.1") with { Addons = [Addon("addon-a", "1.2.5")] },
            Cluster("p2", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] },
        };

        var plan = PlanWithAddons(Organization("org", [Policy("p1", mutexes: ["prod"]), Policy("p2", mutexes: ["prod"])]), clusters, Latest, Now);

        plan.AddonDecision("p2", "addon-a").Reason.ShouldBe(Reason.Scheduled);
        plan.AddonDecision("p1", "addon-a").Reason.ShouldBe(Reason.MutexLocked);
    }

    [Fact]
    public void AddonsHaveNoVersionGates()
    {
        var fleet = Build.Fleet("org", [Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] }], [Gate("gate-13", "1.3")])
            with { AddonVersions = Latest.ToImmutableDictionary() };
        var input = Input(Organization("org", [Policy("c")]) with { AddonManagedUpgrades = true });

        var plan = PlanMany([input], fleet, Now).Organizations.Single();

        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.Scheduled);
        plan.Actions.ShouldAllBe(a => a is CreateUpgradePolicy);
    }

    [Fact]
    public void AddonsNeverSwitchChannels()
    {
        // The cluster's own upgrade is in progress (no switch), and the add-on is outside its window.
        var cluster = Cluster("c", "4.16.1") with
        {
            AvailableChannels = [new ChannelName("stable-4.16"), new ChannelName("stable-4.17")],
            UpgradePolicies = [ExistingPolicy("4.16.2")],
            Addons = [Addon("addon-a", "1.3.0")],
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c", schedule: "0 0 1 1 *")]), [cluster], Latest, Now);

        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.OutsideWindow);
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void TwoPoliciesForOneClusterAndAddon_AreUpgradeInProgressWithAWarning_AndTheOrganizationCarriesOn()
    {
        var clusters = new[]
        {
            Cluster("c", "4.16.1") with
            {
                Addons = [Addon("addon-a", "1.2.0")],
                AddonUpgradePolicies = [AddonPolicy("addon-a", "1.3.0"), AddonPolicy("addon-a", "1.2.9")],
            },
            Cluster("other", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] },
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c"), Policy("other")]), clusters, Latest, Now);

        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Warnings.ShouldBe([new OrganizationMessage("c", "cluster c has 2 upgrade policies for add-on addon-a in OCM; expected at most one") { ClusterId = new ClusterId("id-c") }]);
        plan.Errors.ShouldBeEmpty();
        plan.AddonDecision("other", "addon-a").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void AReadyAddonMissingFromTheCatalog_IsAnErrorOfTheOrganization_AndDropsAllItsActions()
    {
        var clusters = new[]
        {
            Cluster("c", "4.16.1", "4.16.2") with { Addons = [Addon("addon-a", "1.2.0")] },
            Cluster("d", "4.16.1") with { Addons = [Addon("addon-x", "1.0.0")] },
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c"), Policy("d")]), clusters, Latest, Now);

        plan.Errors.ShouldBe([new OrganizationMessage("d", "cluster d has add-on addon-x ready, but the add-on catalog (addonVersions) has no latest version for it") { ClusterId = new ClusterId("id-d") }]);
        plan.Actions.ShouldBeEmpty();
        plan.Clusters.ShouldAllBe(c => c.Reason == Reason.InvalidPolicy);
        plan.History.ShouldNotBeNull();
    }

    [Fact]
    public void AnAddonVersionThatIsNotAVersion_IsAnErrorOfTheOrganization()
    {
        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "latest")] }], Latest, Now);

        plan.Errors.Single().Message.ShouldStartWith("cluster c, add-on addon-a: 'latest' is not a valid version");
        plan.Actions.ShouldBeEmpty();
    }
}
