using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Reporting;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Reporting;

/// <summary>The examples of reference-behaviour.md 13.3, one test each.</summary>
public sealed class RemainingSoakDaysTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void ReadyLaterVersionHidesAnEarlierReadyOne()
    {
        Remaining(Spec(Cluster("c", "4.13.9", "4.13.10", "4.13.11"))).ShouldBe(["4.13.11=0"]);
    }

    [Fact]
    public void SoakedVersionHidesAnEarlierAlmostSoakedOne()
    {
        var history = Aus.TestKit.Build.History(Now, ("4.13.10", "wl", 1.8, ["x"]), ("4.13.11", "wl", 2.0, ["x"]));
        Remaining(Spec(Cluster("c", "4.13.9", "4.13.10", "4.13.11"), soakDays: 2), history).ShouldBe(["4.13.11=0"]);
    }

    [Fact]
    public void BlockedReleaseCandidateIsMarkedMinusFour()
    {
        Remaining(Spec(Cluster("c", "4.13.11", "4.14.0-rc.1", "4.14.0"), blocked: [@"-rc\."])).ShouldBe(["4.14.0-rc.1=-4", "4.14.0=0"]);
    }

    [Fact]
    public void EarlierReadyVersionIsDroppedBehindALaterReadyOneButABlockedOneStays()
    {
        Remaining(Spec(Cluster("c", "4.13.10", "4.13.11", "4.14.0-rc.1", "4.14.0"), blocked: [@"-rc\."]))
            .ShouldBe(["4.14.0-rc.1=-4", "4.14.0=0"]);
    }

    [Fact]
    public void ScheduledPolicyForABlockedVersionIsMinusOne()
    {
        var cluster = Cluster("c", "4.13.11", "4.14.0-rc.1", "4.14.0") with { UpgradePolicies = [ExistingPolicy("4.14.0-rc.1", UpgradePolicyState.Scheduled)] };
        Remaining(Spec(cluster, blocked: [@"-rc\."])).ShouldBe(["4.14.0-rc.1=-1", "4.14.0=0"]);
    }

    [Fact]
    public void StartedPolicyIsMinusTwo()
    {
        var cluster = Cluster("c", "4.13.10", "4.13.11", "4.14.0") with
        {
            UpgradePolicies = [ExistingPolicy("4.13.11", UpgradePolicyState.Started, Now.AddHours(-1))],
        };
        Remaining(Spec(cluster)).ShouldBe(["4.13.11=-2", "4.14.0=0"]);
    }

    [Fact]
    public void ScheduledPolicyForTheLastVersionHidesEarlierOnes()
    {
        var cluster = Cluster("c", "4.13.10", "4.13.11", "4.14.0") with { UpgradePolicies = [ExistingPolicy("4.14.0", UpgradePolicyState.Scheduled)] };
        Remaining(Spec(cluster)).ShouldBe(["4.14.0=-1"]);
    }

    [Theory]
    [InlineData(UpgradePolicyState.Started)]
    [InlineData(UpgradePolicyState.Delayed)]
    public void UpgradeThatStartedSevenHoursAgoIsMinusThree(UpgradePolicyState state)
    {
        var cluster = Cluster("c", "4.13.10", "4.13.11") with { UpgradePolicies = [ExistingPolicy("4.13.11", state, Now.AddHours(-7))] };
        Remaining(Spec(cluster)).ShouldBe(["4.13.11=-3"]);
    }

    [Fact]
    public void UnsoakedAndBlockedLaterVersionsDoNotHideEarlierOnes()
    {
        var history = Aus.TestKit.Build.History(Now, ("4.13.11", "wl", 2.0, ["x"]));
        var spec = Spec(Cluster("c", "4.13.10", "4.13.11", "4.13.12", "4.14.1"), soakDays: 2, blocked: [@"^4\.14\."]);
        Remaining(spec, history).ShouldBe(["4.13.11=0", "4.13.12=2", "4.14.1=-4"]);
    }

    [Fact]
    public void HostedControlPlaneWithLaggingPoolReportsItsScheduledNodePoolPolicy()
    {
        var cluster = Hcp("c", "4.13.0", [], ("workers", "4.12.0")) with
        {
            UpgradePolicies = [ExistingPolicy("4.13.0", UpgradePolicyState.Scheduled) with { Kind = UpgradePolicyKind.NodePool, NodePoolId = "workers" }],
        };
        Remaining(Spec(cluster)).ShouldBe(["4.13.0=-1"]);
    }

    [Fact]
    public void PolicyInAnotherStateKeepsTheNumber()
    {
        var cluster = Cluster("c", "4.13.10", "4.13.11") with { UpgradePolicies = [ExistingPolicy("4.13.11", UpgradePolicyState.Pending)] };
        Remaining(Spec(cluster, soakDays: 3)).ShouldBe(["4.13.11=3"]);
    }

    [Fact]
    public void LowestSoakOverTheWorkloadsCounts()
    {
        var history = Aus.TestKit.Build.History(Now, ("4.13.11", "a", 5.0, ["x"]), ("4.13.11", "b", 1.5, ["x"]));
        Remaining(Spec(Cluster("c", "4.13.10", "4.13.11"), soakDays: 4, workloads: ["a", "b"]), history).ShouldBe(["4.13.11=2.5"]);
    }

    [Fact]
    public void ClusterWithoutAvailableUpgradesReportsNothing()
    {
        Remaining(Spec(Cluster("c", "4.13.10"))).ShouldBeEmpty();
    }

    private static UpgradeSpec Spec(OcmCluster cluster, int soakDays = 0, string[]? blocked = null, string[]? workloads = null)
    {
        var policy = Policy(cluster.Name, soakDays: soakDays, workloads: workloads);
        return new UpgradeSpec(Organization("o", [policy], blocked: blocked), policy, cluster);
    }

    private static string[] Remaining(UpgradeSpec spec, VersionHistory? history = null) =>
        [.. RemainingSoakDays.Compute(spec, history ?? VersionHistory.Empty, Now).Select(r => FormattableString.Invariant($"{r.Version}={r.Days}"))];
}
