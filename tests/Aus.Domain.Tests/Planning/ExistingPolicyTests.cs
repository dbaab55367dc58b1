using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 11.3 step 3 and contracts.md 5.3: clusters with upgrade policies in OCM.</summary>
public sealed class ExistingPolicyTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Theory]
    [InlineData(UpgradePolicyState.Scheduled)]
    [InlineData(UpgradePolicyState.Completed)]
    [InlineData(UpgradePolicyState.Cancelled)]
    [InlineData(UpgradePolicyState.Failed)]
    public void OnePolicy_WhateverItsState_IsUpgradeInProgress(UpgradePolicyState state)
    {
        var plan = PlanOne(
            Organization("org", [Policy("c")]),
            [Cluster("c", "4.16.1", "4.16.9") with { UpgradePolicies = [ExistingPolicy("4.16.9", state)] }],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Decision("c").Decision.ShouldBe(Decision.Skip);
        plan.Actions.ShouldBeEmpty();
        plan.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void OnePolicy_DetailDescribesIt()
    {
        var policy = ExistingPolicy("4.16.9", UpgradePolicyState.Scheduled, At("2026-11-23T13:00:00Z"));
        var plan = PlanOne(Organization("org", [Policy("c")]), [Cluster("c", "4.16.1", "4.16.9") with { UpgradePolicies = [policy] }], Now);

        plan.Decision("c").Detail.ShouldBe("upgrade policy policy-4.16.9 to 4.16.9 exists in OCM (state scheduled, next run 2026-11-23T13:00:00Z)");
    }

    [Fact]
    public void OnePolicy_PreventsAChannelSwitch()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", schedule: "0 0 1 1 *")]),
            [Cluster("c", "4.16.1") with { UpgradePolicies = [ExistingPolicy("4.16.9")], AvailableChannels = [new ChannelName("stable-4.16"), new ChannelName("stable-4.17")] }],
            Now);

        plan.Actions.ShouldBeEmpty();
        plan.Decision("c").Reason.ShouldBe(Reason.UpgradeInProgress);
    }

    [Fact]
    public void TwoPolicies_AreUpgradeInProgressWithAWarning_AndTheOrganizationCarriesOn()
    {
        var policies = new[] { ExistingPolicy("4.16.9") with { Id = "p-1" }, ExistingPolicy("4.16.10") with { Id = "p-2" } };
        var plan = PlanOne(
            Organization("org", [Policy("c"), Policy("other")]),
            [Cluster("c", "4.16.1", "4.16.9") with { UpgradePolicies = [.. policies] }, Cluster("other", "4.16.1", "4.16.9")],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Decision("c").Detail.ShouldBe("upgrade policy p-1 to 4.16.9 exists in OCM (state scheduled) with 1 other policy");
        plan.Warnings.ShouldBe([new OrganizationMessage("c", "cluster c has 2 upgrade policies in OCM; expected at most one") { ClusterId = new ClusterId("id-c") }]);
        plan.Errors.ShouldBeEmpty();
        plan.Decision("other").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void TwoPoliciesOfAHostedControlPlane_AlsoWarn()
    {
        var policies = new[]
        {
            ExistingPolicy("4.16.9") with { Id = "p-1", Kind = UpgradePolicyKind.ControlPlane },
            ExistingPolicy("4.16.8") with { Id = "p-2", Kind = UpgradePolicyKind.NodePool, NodePoolId = "workers" },
        };
        var plan = PlanOne(
            Organization("org", [Policy("h")]),
            [Hcp("h", "4.16.8", ["4.16.9"], ("workers", "4.16.7")) with { UpgradePolicies = [.. policies] }],
            Now);

        plan.Decision("h").Reason.ShouldBe(Reason.UpgradeInProgress);
        plan.Warnings.Select(w => w.Message).ShouldBe(["cluster h has 2 upgrade policies in OCM; expected at most one"]);
    }

    [Fact]
    public void APolicyHoldsTheClustersMutexes()
    {
        var plan = PlanOne(
            Organization("org", [Policy("busy", mutexes: ["prod"]), Policy("prod-2", mutexes: ["prod"])]),
            [Cluster("busy", "4.16.9") with { UpgradePolicies = [ExistingPolicy("4.16.10")] }, Cluster("prod-2", "4.16.9", "4.16.10")],
            Now);

        plan.Decision("prod-2").Reason.ShouldBe(Reason.MutexLocked);
        plan.Decision("prod-2").Detail.ShouldBe("mutex prod is held by busy (upgrading to 4.16.10)");
    }
}
