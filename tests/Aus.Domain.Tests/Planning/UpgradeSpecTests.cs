using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 4.4, 6.2 and 8.1: what a spec derives from its cluster and policy.</summary>
public sealed class UpgradeSpecTests
{
    private static UpgradeSpec Spec(Aus.Domain.Fleet.OcmCluster cluster, string[]? orgBlocked = null, string[]? clusterBlocked = null, string[]? mutexes = null)
    {
        var policy = Policy(cluster.Name, blocked: clusterBlocked, mutexes: mutexes);
        return new UpgradeSpec(Organization("org", [policy], blocked: orgBlocked), policy, cluster);
    }

    [Fact]
    public void AvailableUpgrades_WhenNodePoolsLag_StartWithTheCurrentVersion()
    {
        var spec = Spec(Hcp("h", "4.13.0", [], ("pool", "4.12.0")));

        spec.OldestCurrentVersion.ShouldBe(V("4.12.0"));
        spec.AvailableUpgrades.Select(v => v.ToString()).ShouldBe(["4.13.0"]);
    }

    [Fact]
    public void AvailableUpgrades_WhenNodePoolsLag_PrependTheCurrentVersionToOcmsList()
    {
        var spec = Spec(Hcp("h", "4.13.0", ["4.13.2", "4.13.1"], ("pool", "4.12.0")));

        spec.AvailableUpgrades.Select(v => v.ToString()).ShouldBe(["4.13.0", "4.13.2", "4.13.1"]);
    }

    [Fact]
    public void AvailableUpgrades_WhenTheCurrentVersionIsListed_AreOcmsListUnchanged()
    {
        var spec = Spec(Hcp("h", "4.13.0", ["4.13.1", "4.13.0"], ("pool", "4.12.0")));

        spec.AvailableUpgrades.Select(v => v.ToString()).ShouldBe(["4.13.1", "4.13.0"]);
    }

    [Fact]
    public void AvailableUpgrades_WithoutLaggingPools_AreOcmsListInOcmOrder()
    {
        var spec = Spec(Hcp("h", "4.13.0", ["4.13.2", "4.13.1"], ("pool", "4.13.0")));

        spec.OldestCurrentVersion.ShouldBe(V("4.13.0"));
        spec.AvailableUpgrades.Select(v => v.ToString()).ShouldBe(["4.13.2", "4.13.1"]);
    }

    [Fact]
    public void EffectiveMutexes_AreThePolicyMutexesAndTheClusterId()
    {
        var spec = Spec(Cluster("c", "4.13.0"), mutexes: ["m", "n"]);

        spec.EffectiveMutexes.ShouldBe([new MutexName("m"), new MutexName("n"), new MutexName("id-c")]);
    }

    [Theory]
    [InlineData(".*", "4.12.5", true)]
    [InlineData("4.12.*", "4.12.5", true)]
    [InlineData("4.13.0", "4.13.0", true)]
    [InlineData("4.13.0", "4.13.1", false)]
    [InlineData("4.12.1", "4.12.18", true)]
    [InlineData("4.12.1", "4.12.19", true)]
    [InlineData("^.*-rc\\..*$", "4.14.0-rc.1", true)]
    [InlineData("^.*-rc\\..*$", "4.14.0", false)]
    [InlineData("^4\\.12\\.1$", "4.12.18", false)]
    public void BlockedVersions_AreAnUnanchoredRegexSearch(string pattern, string version, bool blocked)
    {
        var spec = Spec(Cluster("c", "4.12.0"), orgBlocked: [pattern]);

        (spec.BlockingPattern(V(version)) is not null).ShouldBe(blocked);
    }

    [Fact]
    public void BlockedVersions_AreTheOrganizationsAndTheClustersTogether()
    {
        var spec = Spec(Cluster("c", "4.12.0"), orgBlocked: ["^4\\.13\\."], clusterBlocked: ["^4\\.14\\."]);

        spec.BlockingPattern(V("4.13.1")).ShouldNotBeNull().Source.ShouldBe("^4\\.13\\.");
        spec.BlockingPattern(V("4.14.1")).ShouldNotBeNull().Source.ShouldBe("^4\\.14\\.");
        spec.BlockingPattern(V("4.12.9")).ShouldBeNull();
    }

    [Fact]
    public void NodePools_CountOnlyForHostedControlPlanes()
    {
        // The reference reads node pools only for ROSA HCP clusters; a classic cluster must never
        // be offered its own version because a snapshot lists pools for it.
        var spec = Spec(Cluster("c", "4.13.0") with { NodePools = [new Aus.Domain.Fleet.NodePool("pool", V("4.12.0"))] });

        spec.OldestCurrentVersion.ShouldBe(V("4.13.0"));
        spec.AvailableUpgrades.ShouldBeEmpty();
    }
}
