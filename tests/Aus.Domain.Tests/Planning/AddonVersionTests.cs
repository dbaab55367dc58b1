using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 8.2 and 15.4: add-on blocked versions, and soak data kept per add-on.</summary>
public sealed class AddonVersionTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly Dictionary<string, string> Latest = new() { ["addon-1"] = "1.2.5", ["addon-2"] = "1.2.5" };

    [Theory]
    [InlineData("addon-1/1.2.5")]
    [InlineData("^addon-1/1\\.2\\..*")]
    [InlineData("addon-1/.*")]
    public void AnAddonPattern_BlocksThatAddonsVersion_Only(string pattern)
    {
        var plan = PlanBoth(Organization("org", [Policy("c")], blocked: [pattern]));

        plan.AddonDecision("c", "addon-1").Reason.ShouldBe(Reason.Blocked);
        plan.AddonDecision("c", "addon-1").Detail.ShouldBe($"every available upgrade is blocked: 1.2.5 by {pattern}");
        plan.AddonDecision("c", "addon-2").Reason.ShouldBe(Reason.Scheduled);
    }

    [Theory]
    [InlineData("1.2.5")]
    [InlineData(".*")]
    [InlineData("^.*$")]
    [InlineData("addon/1.2.5")]
    [InlineData("x-addon-1/1.2.5")]
    public void APatternNotStartingWithTheAddonId_DoesNotCountForTheAddon(string pattern)
    {
        var plan = PlanBoth(Organization("org", [Policy("c")], blocked: [pattern]));

        plan.AddonDecision("c", "addon-1").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void AClusterPatternForTheAddon_BlocksItToo()
    {
        var plan = PlanBoth(Organization("org", [Policy("c", blocked: ["addon-1/1.2.5"])]));

        plan.AddonDecision("c", "addon-1").Reason.ShouldBe(Reason.Blocked);
    }

    [Fact]
    public void AnAddonPattern_NeverBlocksTheClusterVersion()
    {
        var cluster = Cluster("c", "4.16.1", "4.16.2") with { Addons = [Addon("addon-1", "1.2.0")] };

        var plan = PlanWithAddons(Organization("org", [Policy("c")], blocked: ["addon-1/.*"]), [cluster], Latest, Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void TheAddonsOwnSoakData_HoldsItsUpgrade()
    {
        var organization = Organization("org", [Policy("c", soakDays: 2)]);
        var cluster = Cluster("c", "4.16.1") with { Addons = [Addon("addon-1", "1.2.0"), Addon("addon-2", "1.2.0")] };
        var histories = new Dictionary<string, VersionHistory>
        {
            ["addon-1"] = Build.History(Now.AddDays(-1), ("1.2.5", "wl", 2.0, ["other"])),
            ["addon-2"] = Build.History(Now.AddDays(-1), ("1.2.5", "wl", 1.5, ["other"])),
        };

        var plan = PlanWithAddons(organization, [cluster], Latest, Now, histories);

        plan.AddonDecision("c", "addon-1").Reason.ShouldBe(Reason.Scheduled);
        plan.AddonDecision("c", "addon-2").Reason.ShouldBe(Reason.Soaking);
        plan.AddonDecision("c", "addon-2").Detail.ShouldBe("1.2.5 has soaked 1.50 of 2 days for workload wl");
    }

    [Fact]
    public void TheClustersSoakData_DoesNotCountForAnAddon()
    {
        var organization = Organization("org", [Policy("c", soakDays: 2)]);
        var cluster = Cluster("c", "4.16.1") with { Addons = [Addon("addon-1", "1.2.0")] };
        var input = new OrganizationInput
        {
            Policy = organization with { AddonManagedUpgrades = true },
            History = Build.History(Now.AddDays(-1), ("1.2.5", "wl", 9.0, ["other"])),
        };
        var fleet = Build.Fleet("org", [cluster]) with { AddonVersions = Latest.ToImmutableDictionary() };

        var plan = PlanMany([input], fleet, Now).Organizations.Single();

        plan.AddonDecision("c", "addon-1").Reason.ShouldBe(Reason.Soaking);
    }

    [Fact]
    public void EachAddonsHistory_IsCheckedInWithItsAddonVersion()
    {
        var cluster = Cluster("c", "4.16.1") with { Addons = [Addon("addon-1", "1.2.0"), Addon("addon-2", "1.2.5")] };
        var histories = new Dictionary<string, VersionHistory>
        {
            ["addon-1"] = Build.History(Now.AddDays(-1), ("1.2.0", "wl", 1.0, ["c"])),
            ["gone"] = Build.History(Now.AddDays(-3), ("0.1.0", "wl", 5.0, ["c"])),
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [cluster], Latest, Now, histories);

        plan.AddonHistories.Keys.Order(StringComparer.Ordinal).ShouldBe(["addon-1", "addon-2", "gone"]);
        plan.AddonHistories["addon-1"].CheckIn.ShouldBe(Now);
        plan.AddonHistories["addon-1"].SoakDays("1.2.0", new Workload("wl")).ShouldBe(2.0, 1e-9);
        plan.AddonHistories["addon-2"].Versions.Keys.ShouldBe(["1.2.5"]);
        plan.AddonHistories["gone"].ShouldBe(histories["gone"]);
        plan.History!.Versions.Keys.ShouldBe(["4.16.1"]);
    }

    [Fact]
    public void AnAddonInheritsTheSameAddonsDataOfAnotherOrganization()
    {
        var source = Organization("source", [Policy("s")]) with { PublishVersionData = [new OrganizationId("org")] };
        var organization = Organization("org", [Policy("c", soakDays: 2)]) with
        {
            AddonManagedUpgrades = true,
            InheritVersionData = [new InheritedOrganization(new OrganizationId("source"), null)],
        };
        var inputs = new[]
        {
            new OrganizationInput
            {
                Policy = source,
                AddonHistories = ImmutableDictionary<string, VersionHistory>.Empty.Add("addon-1", Build.History(Now.AddDays(-1), ("1.2.5", "wl", 3.0, ["s"]))),
            },
            new OrganizationInput { Policy = organization },
        };
        var fleet = new Aus.Domain.Fleet.FleetSnapshot(
            [],
            [new(new OrganizationId("source"), [Cluster("s", "4.16.1")]), new(new OrganizationId("org"), [Cluster("c", "4.16.1") with { Addons = [Addon("addon-1", "1.2.0"), Addon("addon-2", "1.2.0")] }])])
        {
            AddonVersions = Latest.ToImmutableDictionary(),
        };

        var plan = PlanMany(inputs, fleet, Now).Organizations.Single(o => o.OrgId.Value == "org");

        plan.AddonDecision("c", "addon-1").Reason.ShouldBe(Reason.Scheduled);
        plan.AddonDecision("c", "addon-2").Reason.ShouldBe(Reason.Soaking);
    }

    [Fact]
    public void TheAddonVersionDataOfThePlan_IsWhatTheAddonPassDecidedWith_InheritedDataIncluded()
    {
        var source = Organization("source", [Policy("s")]) with { PublishVersionData = [new OrganizationId("org")] };
        var organization = Organization("org", [Policy("c", soakDays: 2)]) with
        {
            AddonManagedUpgrades = true,
            InheritVersionData = [new InheritedOrganization(new OrganizationId("source"), null)],
        };
        var inputs = new[]
        {
            new OrganizationInput
            {
                Policy = source,
                AddonHistories = ImmutableDictionary<string, VersionHistory>.Empty.Add("addon-1", Build.History(Now.AddDays(-1), ("1.2.5", "wl", 3.0, ["s"]))),
            },
            new OrganizationInput { Policy = organization },
        };
        var fleet = new Aus.Domain.Fleet.FleetSnapshot(
            [],
            [new(new OrganizationId("source"), [Cluster("s", "4.16.1")]), new(new OrganizationId("org"), [Cluster("c", "4.16.1") with { Addons = [Addon("addon-1", "1.2.0"), Addon("addon-2", "1.2.0")] }])])
        {
            AddonVersions = Latest.ToImmutableDictionary(),
        };

        var plan = PlanMany(inputs, fleet, Now).Organizations.Single(o => o.OrgId.Value == "org");

        plan.AddonHistories["addon-1"].Versions.ShouldNotContainKey("1.2.5");
        plan.AddonVersionData["addon-1"].SoakDays("1.2.5", new Workload("wl")).ShouldBe(3.0, 1e-9);
        plan.AddonVersionData["addon-2"].ShouldBe(plan.AddonHistories["addon-2"]);
    }

    private static OrganizationPlan PlanBoth(OrganizationPolicy organization) => PlanWithAddons(
        organization,
        [Cluster("c", "4.16.1") with { Addons = [Addon("addon-1", "1.2.0"), Addon("addon-2", "1.2.0")] }],
        Latest,
        Now);
}
