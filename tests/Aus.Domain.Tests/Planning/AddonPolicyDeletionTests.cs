using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 15.6: automatic or completed add-on policies are deleted first, and still lock their cluster in that pass.</summary>
public sealed class AddonPolicyDeletionTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly Dictionary<string, string> Latest = new() { ["addon-a"] = "1.3.0", ["addon-b"] = "2.1.0" };

    [Fact]
    public void ACompletedPolicy_IsDeleted_AndTheClusterWaitsForTheNextPass()
    {
        var cluster = Cluster("c", "4.16.1") with
        {
            Addons = [Addon("addon-a", "1.2.0")],
            AddonUpgradePolicies = [AddonPolicy("addon-a", "1.2.0", UpgradePolicyState.Completed)],
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [cluster], Latest, Now);

        plan.Actions.ShouldBe([new DeleteUpgradePolicy("c", new ClusterId("id-c"), UpgradePolicyKind.Addon, "addon-a-policy-1.2.0") { Addon = "addon-a" }]);
        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.UpgradeInProgress);
    }

    [Fact]
    public void AnAutomaticPolicy_IsDeletedWhateverItsState()
    {
        var cluster = Cluster("c", "4.16.1") with
        {
            Addons = [Addon("addon-a", "1.2.0")],
            AddonUpgradePolicies = [AddonPolicy("addon-a", "1.3.0", UpgradePolicyState.Scheduled, ExistingUpgradePolicy.AutomaticSchedule)],
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [cluster], Latest, Now);

        plan.Actions.OfType<DeleteUpgradePolicy>().Single().PolicyId.ShouldBe("addon-a-policy-1.3.0");
        plan.Actions.OfType<CreateUpgradePolicy>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(UpgradePolicyState.Scheduled)]
    [InlineData(UpgradePolicyState.Started)]
    [InlineData(UpgradePolicyState.Failed)]
    [InlineData(UpgradePolicyState.Pending)]
    public void AManualPolicyNotCompleted_IsKept(UpgradePolicyState state)
    {
        var cluster = Cluster("c", "4.16.1") with
        {
            Addons = [Addon("addon-a", "1.2.0")],
            AddonUpgradePolicies = [AddonPolicy("addon-a", "1.3.0", state)],
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [cluster], Latest, Now);

        plan.Actions.ShouldBeEmpty();
        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.UpgradeInProgress);
    }

    [Fact]
    public void ACompletedPolicy_StillHoldsItsMutex_InThatPass()
    {
        var clusters = new[]
        {
            Cluster("p1", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] },
            Cluster("p2", "4.16.1") with { Addons = [Addon("addon-a", "1.3.0")], AddonUpgradePolicies = [AddonPolicy("addon-a", "1.3.0", UpgradePolicyState.Completed)] },
        };

        var plan = PlanWithAddons(Organization("org", [Policy("p1", mutexes: ["prod"]), Policy("p2", mutexes: ["prod"])]), clusters, Latest, Now);

        plan.AddonDecision("p1", "addon-a").Reason.ShouldBe(Reason.MutexLocked);
        plan.Actions.ShouldHaveSingleItem().ShouldBeOfType<DeleteUpgradePolicy>();
    }

    [Fact]
    public void OnlyTheAddonsOwnPoliciesAreDeleted()
    {
        var cluster = Cluster("c", "4.16.1") with
        {
            UpgradePolicies = [ExistingPolicy("4.16.2", UpgradePolicyState.Completed)],
            Addons = [Addon("addon-a", "1.3.0")],
            AddonUpgradePolicies = [AddonPolicy("addon-b", "2.1.0", UpgradePolicyState.Completed)],
        };

        var plan = PlanWithAddons(Organization("org", [Policy("c")]), [cluster], Latest, Now);

        // addon-b is not installed (so it has no pass), and the cluster's own policy is not an add-on's.
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void DeletesComeBeforeEveryOtherAction_OfTheOrganization()
    {
        var clusters = new[]
        {
            Cluster("a", "4.16.1", "4.16.2") with { Addons = [Addon("addon-a", "1.2.0")] },
            Cluster("b", "4.16.1") with { Addons = [Addon("addon-b", "2.1.0")], AddonUpgradePolicies = [AddonPolicy("addon-b", "2.1.0", UpgradePolicyState.Completed)] },
        };

        var plan = PlanWithAddons(Organization("org", [Policy("a"), Policy("b")]), clusters, Latest, Now);

        plan.Actions.Select(a => a.GetType().Name).ShouldBe([nameof(DeleteUpgradePolicy), nameof(CreateUpgradePolicy), nameof(CreateUpgradePolicy)]);
        plan.Actions.OfType<CreateUpgradePolicy>().Select(a => a.Kind).ShouldBe([UpgradePolicyKind.Cluster, UpgradePolicyKind.Addon]);
    }
}
