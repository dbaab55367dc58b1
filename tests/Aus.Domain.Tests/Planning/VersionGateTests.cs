using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 11.6 and contracts.md 5.4: version gates hold upgrades; aus agrees to them.</summary>
public sealed class VersionGateTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly VersionGate Ocp413 = Gate("f0bbef99", "4.13");

    private static OrganizationPlan PlanGated(OcmCluster cluster, VersionGate[] gates, string[]? approvals = null) =>
        PlanOne(Organization("org", [Policy(cluster.Name, gateApprovals: approvals)]), [cluster], Now, gates: gates);

    [Fact]
    public void UnagreedGate_HoldsTheUpgrade_AndAusAgreesToIt()
    {
        var plan = PlanGated(Cluster("c", "4.12.17", "4.13.1"), [Ocp413]);

        var decision = plan.Decision("c");
        decision.Decision.ShouldBe(Decision.Skip);
        decision.Reason.ShouldBe(Reason.VersionGate);
        decision.TargetVersion.ShouldBe("4.13.1");
        decision.Detail.ShouldBe("4.13.1 needs version gate f0bbef99 (api.openshift.com/gate-ocp) agreed; aus agrees to it in this pass and upgrades in the next");
        plan.Actions.ShouldBe([new AgreeVersionGate("c", new ClusterId("id-c"), "f0bbef99", VersionGate.OcpLabel, "4.13")]);
    }

    [Fact]
    public void AgreedGate_LetsTheUpgradeThrough()
    {
        var plan = PlanGated(Cluster("c", "4.12.17", "4.13.1") with { GateAgreements = ["f0bbef99"] }, [Ocp413]);

        plan.Decision("c").TargetVersion.ShouldBe("4.13.1");
        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
        plan.Actions.OfType<AgreeVersionGate>().ShouldBeEmpty();
    }

    [Fact]
    public void ZStreamUpgrades_NeedNoGate()
    {
        var plan = PlanGated(Cluster("c", "4.12.17", "4.12.18"), [Ocp413, Gate("g412", "4.12")]);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
        plan.Actions.OfType<AgreeVersionGate>().ShouldBeEmpty();
    }

    [Fact]
    public void AHeldUpgrade_DoesNotFallBackToALowerVersion()
    {
        var plan = PlanGated(Cluster("c", "4.12.17", "4.12.18", "4.13.1"), [Ocp413]);

        plan.Decision("c").Reason.ShouldBe(Reason.VersionGate);
        plan.Actions.OfType<CreateUpgradePolicy>().ShouldBeEmpty();
    }

    [Fact]
    public void AHeldUpgrade_TakesNoLock()
    {
        var plan = PlanOne(
            Organization("org", [Policy("gated", mutexes: ["m"]), Policy("next", mutexes: ["m"])]),
            [Cluster("gated", "4.12.17", "4.13.1"), Cluster("next", "4.12.18", "4.12.19")],
            Now,
            gates: [Ocp413]);

        plan.Decision("gated").Reason.ShouldBe(Reason.VersionGate);
        plan.Decision("next").Reason.ShouldBe(Reason.Scheduled);
    }

    [Theory]
    [InlineData(VersionGate.OcpLabel, false, true)]
    [InlineData(VersionGate.IngressLabel, false, true)]
    [InlineData(VersionGate.StsLabel, false, false)]
    [InlineData(VersionGate.StsLabel, true, true)]
    [InlineData("api.openshift.com/gate-other", false, false)]
    [InlineData("api.openshift.com/gate-other", true, false)]
    public void OnlyGatesWithAHandlerApply(string label, bool sts, bool holds)
    {
        var plan = PlanGated(Cluster("c", "4.12.17", "4.13.1") with { StsEnabled = sts }, [Gate("g", "4.13", label)]);

        plan.Decision("c").Reason.ShouldBe(holds ? Reason.VersionGate : Reason.Scheduled);
    }

    [Fact]
    public void AGate_HoldsItsMinor_AndAppliesOnlyWhenOcmOffersThatMinor()
    {
        var plan = PlanGated(Cluster("c", "4.12.17", "4.13.1", "4.14.0"), [Gate("g414", "4.14")], approvals: ["api.openshift.com/gate-none"]);

        plan.Decision("c").Reason.ShouldBe(Reason.VersionGate);
        plan.Decision("c").TargetVersion.ShouldBe("4.14.0");

        var lower = PlanGated(Cluster("c", "4.12.17", "4.13.1", "4.14.0") with { AvailableUpgrades = [V("4.13.1")] }, [Gate("g414", "4.14")]);
        lower.Decision("c").Reason.ShouldBe(Reason.Scheduled);
        lower.Actions.OfType<AgreeVersionGate>().ShouldBeEmpty();
    }

    [Fact]
    public void DefaultApprovals_AreGateOcpAlone()
    {
        var plan = PlanGated(
            Cluster("c", "4.12.17", "4.13.1") with { StsEnabled = true },
            [Gate("ocp", "4.13"), Gate("sts", "4.13", VersionGate.StsLabel), Gate("ingress", "4.13", VersionGate.IngressLabel)]);

        plan.Actions.OfType<AgreeVersionGate>().Select(a => a.Gate).ShouldBe(["ocp"]);
        plan.Decision("c").Detail.ShouldBe(
            "4.13.1 needs version gate ocp (api.openshift.com/gate-ocp), sts (api.openshift.com/gate-sts), ingress (api.openshift.com/gate-ingress) agreed; agree to it in OCM or list its label in versionGateApprovals");
    }

    [Fact]
    public void VersionGateApprovals_ListTheLabelsAusAgreesTo()
    {
        var plan = PlanGated(
            Cluster("c", "4.12.17", "4.13.1") with { StsEnabled = true },
            [Gate("ocp", "4.13"), Gate("sts", "4.13", VersionGate.StsLabel), Gate("ingress", "4.13", VersionGate.IngressLabel)],
            approvals: [VersionGate.StsLabel, VersionGate.IngressLabel]);

        plan.Actions.OfType<AgreeVersionGate>().Select(a => a.Gate).ShouldBe(["sts", "ingress"]);
    }

    [Fact]
    public void Approver_AgreesToEveryApplicableMinor_NotOnlyTheTarget()
    {
        var plan = PlanGated(
            Cluster("c", "4.12.17", "4.13.1", "4.14.0"),
            [Gate("g413", "4.13"), Gate("g414", "4.14"), Gate("g415", "4.15"), Gate("g412", "4.12")]);

        plan.Actions.OfType<AgreeVersionGate>().Select(a => (a.Gate, a.VersionPrefix)).ShouldBe([("g413", "4.13"), ("g414", "4.14")]);
    }

    [Fact]
    public void Approver_AgreesForClustersSkippedForOtherReasons()
    {
        var plan = PlanOne(
            Organization("org", [Policy("outside", schedule: "0 0 1 1 *"), Policy("busy")]),
            [Cluster("outside", "4.12.17", "4.13.1"), Cluster("busy", "4.12.17", "4.13.1") with { UpgradePolicies = [ExistingPolicy("4.12.18")] }],
            Now,
            gates: [Ocp413]);

        plan.Actions.OfType<AgreeVersionGate>().Select(a => a.Cluster).ShouldBe(["outside", "busy"]);
    }

    [Fact]
    public void AgreementsComeAfterTheUpgradeActions()
    {
        var plan = PlanOne(
            Organization("org", [Policy("gated"), Policy("free")]),
            [Cluster("gated", "4.12.17", "4.13.1"), Cluster("free", "4.12.18", "4.12.19")],
            Now,
            gates: [Ocp413]);

        plan.Actions.Select(a => a.GetType().Name).ShouldBe([nameof(CreateUpgradePolicy), nameof(AgreeVersionGate)]);
    }
}
