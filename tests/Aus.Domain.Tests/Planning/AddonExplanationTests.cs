using System.Collections.Immutable;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>Explaining a cluster's add-on: the add-on pass records the reasoning, the cluster pass does not.</summary>
public sealed class AddonExplanationTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static FleetPlan Plan(string? explainAddon)
    {
        var organization = Organization("org", [Policy("c")]) with { AddonManagedUpgrades = true };
        var cluster = Cluster("c", "4.16.1", "4.16.2") with { Addons = [Addon("addon-a", "1.2.0"), Addon("addon-b", "2.0.0")] };
        var fleet = Aus.TestKit.Build.Fleet("org", [cluster]) with { AddonVersions = new Dictionary<string, string> { ["addon-a"] = "1.3.0", ["addon-b"] = "2.1.0" }.ToImmutableDictionary() };
        return FleetPlanner.Plan(new PlanRequest([Input(organization)], fleet, Now) { ExplainCluster = "c", ExplainAddon = explainAddon });
    }

    [Fact]
    public void WithAnAddon_TheExplanationIsThatAddonsDecision()
    {
        var explanation = Plan("addon-b").Explanation.ShouldNotBeNull();

        explanation.Decision.Addon.ShouldBe("addon-b");
        explanation.Candidates.ShouldHaveSingleItem().Version.ToString().ShouldBe("2.1.0");
    }

    [Fact]
    public void WithoutAnAddon_TheExplanationIsTheClustersOwn()
    {
        var explanation = Plan(null).Explanation.ShouldNotBeNull();

        explanation.Decision.Addon.ShouldBeNull();
        explanation.Candidates.ShouldHaveSingleItem().Version.ToString().ShouldBe("4.16.2");
    }
}
