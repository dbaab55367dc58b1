using Aus.Application.Safety;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Safety;

public sealed class HaltRuleTests
{
    private static OcmCluster Failed(string name, string version) =>
        Cluster(name, "4.16.1", version) with { UpgradePolicies = [ExistingPolicy(version, UpgradePolicyState.Failed)] };

    private static OcmCluster Scheduled(string name, string version) =>
        Cluster(name, "4.16.1", version) with { UpgradePolicies = [ExistingPolicy(version)] };

    private static readonly HaltOnFailure Two = new(2);

    [Fact]
    public void OnlyPoliciesInStateFailed_AreFailures()
    {
        var failures = HaltRule.FailuresIn([Failed("a", "4.16.2"), Scheduled("b", "4.16.2"), Cluster("c", "4.16.1")]);

        failures.ShouldBe([new UpgradeFailure("a", "4.16.2")]);
    }

    [Fact]
    public void AVersion_IsHaltedWhenItsFailuresReachTheThreshold()
    {
        var below = HaltRule.Assess(Two, [Failed("a", "4.16.2"), Failed("b", "4.16.3")], [], []);
        var reached = HaltRule.Assess(Two, [Failed("a", "4.16.2"), Failed("b", "4.16.2")], [], []);

        below.HaltedVersions.ShouldBeEmpty();
        reached.HaltedVersions.ShouldBe(["4.16.2"]);
        reached.NewlyHalted.ShouldBe(["4.16.2"]);
    }

    [Fact]
    public void FailuresRecordedEarlier_CountWithThoseSeenNow()
    {
        var recorded = new[] { new RecordedFailure(new UpgradeFailure("a", "4.16.2"), Cleared: false) };

        var assessment = HaltRule.Assess(Two, [Cluster("a", "4.16.1"), Failed("b", "4.16.2")], recorded, []);

        assessment.NewFailures.ShouldBe([new UpgradeFailure("b", "4.16.2")]);
        assessment.HaltedVersions.ShouldBe(["4.16.2"]);
    }

    [Fact]
    public void AFailureStillInOcm_IsNotNewOnceRecorded()
    {
        var recorded = new[] { new RecordedFailure(new UpgradeFailure("a", "4.16.2"), Cleared: false) };

        HaltRule.Assess(Two, [Failed("a", "4.16.2")], recorded, []).NewFailures.ShouldBeEmpty();
    }

    [Fact]
    public void ClearedFailures_NoLongerCount_AndAreNotSeenAsNew()
    {
        var recorded = new[]
        {
            new RecordedFailure(new UpgradeFailure("a", "4.16.2"), Cleared: true),
            new RecordedFailure(new UpgradeFailure("b", "4.16.2"), Cleared: true),
        };

        var assessment = HaltRule.Assess(Two, [Failed("a", "4.16.2"), Failed("b", "4.16.2")], recorded, ["4.16.2"]);

        assessment.NewFailures.ShouldBeEmpty();
        assessment.HaltedVersions.ShouldBeEmpty();
    }

    [Fact]
    public void OneClusterFailingAgain_CountsOnce()
    {
        var recorded = new[] { new RecordedFailure(new UpgradeFailure("a", "4.16.2"), Cleared: false) };
        var twice = Cluster("a", "4.16.1") with { UpgradePolicies = [ExistingPolicy("4.16.2", UpgradePolicyState.Failed), ExistingPolicy("4.16.2", UpgradePolicyState.Failed)] };

        HaltRule.Assess(Two, [twice], recorded, []).HaltedVersions.ShouldBeEmpty();
    }

    [Fact]
    public void AVersionAlreadyHalted_IsNotNewlyHalted()
    {
        var assessment = HaltRule.Assess(new HaltOnFailure(1), [Failed("a", "4.16.2"), Failed("b", "4.16.3")], [], ["4.16.2"]);

        assessment.HaltedVersions.ShouldBe(["4.16.2", "4.16.3"]);
        assessment.NewlyHalted.ShouldBe(["4.16.3"]);
    }

    [Fact]
    public void WithoutTheRule_NothingIsHalted_ButFailuresAreStillReported()
    {
        var assessment = HaltRule.Assess(null, [Failed("a", "4.16.2")], [], []);

        assessment.HaltedVersions.ShouldBeEmpty();
        assessment.NewFailures.ShouldBe([new UpgradeFailure("a", "4.16.2")]);
    }
}
