using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 5.6 and contracts.md 4: a broken policy must not half-act.</summary>
public sealed class OrganizationErrorTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void ValidationErrors_MakeEveryClusterInvalid_WithoutActions_AndHistoryIsNotCheckedIn()
    {
        var organization = Organization("org", [Policy("a"), Policy("b")]);
        var errors = new[] { new OrganizationMessage("a", "workload foo is not in upgradePolicyAllowedWorkloads") };
        var history = Build.History(Now.AddDays(-1), ("4.16.1", "wl", 1, ["a", "b"]));

        var plan = PlanMany([Input(organization, history, errors)], Build.Fleet("org", [Cluster("a", "4.16.1", "4.16.2"), Cluster("b", "4.16.1", "4.16.2")]), Now)
            .Organizations.Single();

        plan.Errors.ShouldBe([errors[0] with { ClusterId = new ClusterId("id-a") }], "the planner names the cluster's OCM id");
        plan.Actions.ShouldBeEmpty();
        plan.Clusters.Select(c => (c.Name, c.Decision, c.Reason)).ShouldBe([("a", Decision.Skip, Reason.InvalidPolicy), ("b", Decision.Skip, Reason.InvalidPolicy)]);
        plan.Decision("a").Detail.ShouldBe("the cluster's policy is invalid: workload foo is not in upgradePolicyAllowedWorkloads");
        plan.Decision("b").Detail.ShouldBe("organization org has 1 error; no cluster of it is upgraded until they are fixed");
        plan.History.ShouldBeNull();
    }

    [Fact]
    public void ValidationErrors_ListClustersWhosePolicyCouldNotBeRead()
    {
        var organization = Organization("org", [Policy("a")]);
        var input = Input(organization, errors: [new OrganizationMessage("broken", "schedule: invalid cron"), new OrganizationMessage(null, "sector x depends on itself")]) with
        {
            ClusterNames = ["broken", "a"],
        };

        var plan = PlanMany([input], Build.Fleet("org", [Cluster("a", "4.16.1", "4.16.2")]), Now).Organizations.Single();

        plan.Clusters.Select(c => c.Name).ShouldBe(["broken", "a"]);
        plan.Decision("a").Detail.ShouldBe("organization org has 2 errors; no cluster of it is upgraded until they are fixed");
    }

    [Fact]
    public void ValidationErrors_OfOneOrganization_DoNotStopAnother()
    {
        var broken = Input(Organization("broken", [Policy("a")]), errors: [new OrganizationMessage(null, "bad")]);
        var fine = Input(Organization("fine", [Policy("b")]));
        var fleet = new Aus.Domain.Fleet.FleetSnapshot(
            [],
            [new(new OrganizationId("broken"), [Cluster("a", "4.16.1", "4.16.2")]), new(new OrganizationId("fine"), [Cluster("b", "4.16.1", "4.16.2")])]);

        var plan = PlanMany([broken, fine], fleet, Now);

        plan.Organizations.Single(o => o.OrgId.Value == "fine").Decision("b").Reason.ShouldBe(Reason.Scheduled);
    }

    [Fact]
    public void ClusterUnknownToOcm_IsNotInOcm_AndTheOthersCarryOn()
    {
        var plan = PlanOne(Organization("org", [Policy("gone"), Policy("c")]), [Cluster("c", "4.16.1", "4.16.2"), Cluster("unlisted", "4.16.1", "4.16.2")], Now);

        var gone = plan.Decision("gone");
        gone.Reason.ShouldBe(Reason.NotInOcm);
        gone.Decision.ShouldBe(Decision.Skip);
        gone.Version.ShouldBeNull();
        gone.Detail.ShouldBe("OCM has no ready cluster named gone in this organization");
        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
        plan.Clusters.Select(c => c.Name).ShouldBe(["c", "gone"]);
        plan.Clusters.Select(c => c.ClusterId?.Value).ShouldBe(["id-c", null], "a decision carries the OCM id of the cluster it is about, where OCM knows it");
        plan.Actions.ShouldHaveSingleItem();
    }

    [Fact]
    public void ClustersOfAnotherOrganization_AreNotMatched()
    {
        var fleet = new Aus.Domain.Fleet.FleetSnapshot([], [new(new OrganizationId("other"), [Cluster("c", "4.16.1", "4.16.2")])]);

        var plan = PlanMany([Input(Organization("org", [Policy("c")]))], fleet, Now).Organizations.Single();

        plan.Decision("c").Reason.ShouldBe(Reason.NotInOcm);
    }

    [Fact]
    public void EveryReason_HasItsContractCode()
    {
        Enum.GetValues<Reason>().Select(r => r.ToCode()).ShouldBe(
        [
            "scheduled", "node-pool-upgrade", "upgrade-in-progress", "outside-window", "mutex-locked", "sector-parallel-limit",
            "no-upgrades-available", "blocked", "soaking", "sector-dependency", "inherited-version-data", "version-gate",
            "not-in-ocm", "invalid-policy", "paused", "frozen", "awaiting-approval", "version-halted",
        ]);
        Decision.Upgrade.ToCode().ShouldBe("upgrade");
        Decision.Skip.ToCode().ShouldBe("skip");
    }
}
