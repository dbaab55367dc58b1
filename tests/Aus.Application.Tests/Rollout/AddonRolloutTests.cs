using System.Collections.Immutable;
using Aus.Application.Rollout;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Rollout;

public sealed class AddonRolloutTests
{
    private static readonly DateTimeOffset Start = At("2026-11-23T12:00:00Z");

    private static readonly Dictionary<string, ClusterPolicy> Policies = new(StringComparer.Ordinal)
    {
        ["c1"] = Policy("c1"),
        ["c2"] = Policy("c2"),
    };

    private static readonly Dictionary<string, string> Catalog = new(StringComparer.Ordinal) { ["logging"] = "5.8.3", ["metrics"] = "1.5.0" };

    private static AddonRollout Rollout() => new(
        [
            Cluster("c1", "4.16.8") with { Addons = [Addon("logging", "5.8.2"), Addon("metrics", "1.5.0"), Addon("tracing", "0.1")] },
            Cluster("c2", "4.16.8") with { Addons = [Addon("logging", "5.8.2", state: "installing")] },
            Cluster("no-policy", "4.16.8") with { Addons = [Addon("logging", "5.8.2")] },
        ],
        Catalog,
        Policies,
        Start);

    [Fact]
    public void ReadyAddonsOfFollowedClusters_WithACatalogVersion_AreFollowed()
    {
        var rollout = Rollout();

        rollout.Progress.Select(p => (p.Cluster, p.Addon, p.FromVersion, p.TargetVersion)).ShouldBe([("c1", "logging", "5.8.2", "5.8.3"), ("c1", "metrics", "1.5.0", "1.5.0")]);
        rollout.Progress.Single(p => p.Addon == "metrics").ReachedAt.ShouldBe(Start);
        rollout.Targets.ShouldBe(new Dictionary<string, string> { ["logging"] = "5.8.3", ["metrics"] = "1.5.0" });
    }

    [Fact]
    public void TheAddonsConverge_WhenEveryFollowedAddonRunsItsTarget()
    {
        var rollout = Rollout();
        rollout.Converged.ShouldBeFalse();

        rollout.Track(new UpgradeTransition(Start.AddMinutes(5), "c1", "5.8.3", UpgradeTransitionState.Started) { Addon = "logging" });
        rollout.UpgradingTo("c1", "logging").ShouldBe("5.8.3");
        rollout.Track(new UpgradeTransition(Start.AddMinutes(15), "c1", "5.8.3", UpgradeTransitionState.Completed) { Addon = "logging" });

        rollout.Converged.ShouldBeTrue();
        rollout.VersionOf("c1", "logging").ShouldBe("5.8.3");
        var logging = rollout.Progress.Single(p => p.Addon == "logging");
        (logging.StartedAt, logging.ReachedAt).ShouldBe((Start.AddMinutes(5), Start.AddMinutes(15)));
    }

    [Fact]
    public void TheClustersOwnUpgrades_AreNotTheAddons()
    {
        var rollout = Rollout();

        rollout.Track(new UpgradeTransition(Start.AddMinutes(15), "c1", "5.8.3", UpgradeTransitionState.Completed));

        rollout.Converged.ShouldBeFalse();
        rollout.VersionOf("c1", "logging").ShouldBe("5.8.2");
    }

    [Fact]
    public void SoakOfEachTarget_IsTheHighestOverThePlansAddonHistories_PerWorkload()
    {
        var rollout = Rollout();
        var one = new OrganizationPlan { OrgId = new OrganizationId("a"), Name = "a", AddonHistories = new Dictionary<string, Domain.History.VersionHistory> { ["logging"] = History(Start, ("5.8.3", "wl", 2, [])) }.ToImmutableDictionary() };
        var two = new OrganizationPlan { OrgId = new OrganizationId("b"), Name = "b", AddonHistories = new Dictionary<string, Domain.History.VersionHistory> { ["logging"] = History(Start, ("5.8.3", "wl", 0.5, [])) }.ToImmutableDictionary() };

        var soak = rollout.Soak([one, two]);

        soak.ShouldBe([new AddonSoak("logging", "5.8.3", "wl", 2), new AddonSoak("metrics", "1.5.0", "wl", 0)]);
    }
}
