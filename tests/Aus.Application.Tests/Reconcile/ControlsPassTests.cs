using Aus.Application.Reconcile;
using Aus.Application.Safety;
using Aus.Application.Tests.Fakes;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Reconcile;

/// <summary>
/// A pass takes up the stored rollout controls: pauses hold clusters, and failed upgrades seen in the
/// fleet are recorded and halt their version once the organization's threshold is reached, within
/// the same pass. A dry run records nothing.
/// </summary>
public sealed class ControlsPassTests
{
    [Fact]
    public async Task AStoredClusterPause_HoldsTheCluster()
    {
        var controls = new InMemoryControlStore();
        var world = new PassWorld { Controls = controls }.Org("org-a");
        controls.Controls["org-a"] = new RolloutControls { Pauses = [new RolloutPause { Scope = PauseScope.Cluster, Target = "org-a-c1", Reason = "bad week" }] };

        var outcome = (await world.RunAsync()).Organizations.Single();

        var decision = outcome.Plan.ShouldNotBeNull().Decision("org-a-c1");
        decision.Reason.ShouldBe(Reason.Paused);
        decision.Detail.ShouldContain("bad week");
        world.Actions.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task AStoredPauseThatCancelsScheduledUpgrades_DeletesTheScheduledPolicy_AndAuditsIt()
    {
        var controls = new InMemoryControlStore();
        var world = new PassWorld { Controls = controls }.Org("org-a");
        world.Fleet.With("org-a", Cluster("org-a-c1", "4.16.1", "4.16.2") with { UpgradePolicies = [ExistingPolicy("4.16.2")] });
        controls.Controls["org-a"] = new RolloutControls
        {
            Pauses = [new RolloutPause { Scope = PauseScope.Cluster, Target = "org-a-c1", Reason = "bad week", CancelScheduled = true }],
        };

        await world.RunAsync();

        var delete = world.Actions.Applied.ShouldHaveSingleItem().ShouldBeOfType<DeleteUpgradePolicy>();
        delete.PolicyId.ShouldBe("policy-4.16.2");
        var audit = world.Store.Audit.ShouldHaveSingleItem();
        audit.Action.ShouldBe("delete-upgrade-policy");
        audit.Version.ShouldBe("4.16.2");
        audit.Reason.ShouldNotBeNull().ShouldStartWith("paused by the cluster org-a-c1 pause: bad week, which cancels scheduled upgrades");
    }

    [Fact]
    public void ACancelledPolicy_IsAuditedAsADeleteOfItsVersion()
    {
        var delete = new DeleteUpgradePolicy("c1", new ClusterId("id-c1"), UpgradePolicyKind.NodePool, "p-1") { NodePool = "workers", Version = "4.16.2" };

        ActionNames.Of(delete).ShouldBe("delete-upgrade-policy");
        ActionNames.TargetOf(delete).ShouldBe("4.16.2");
    }

    [Fact]
    public async Task ADryRun_DeletesNoScheduledPolicy()
    {
        var controls = new InMemoryControlStore();
        var world = new PassWorld { Controls = controls }.Org("org-a");
        world.Fleet.With("org-a", Cluster("org-a-c1", "4.16.1", "4.16.2") with { UpgradePolicies = [ExistingPolicy("4.16.2")] });
        controls.Controls["org-a"] = new RolloutControls { Pauses = [new RolloutPause { Scope = PauseScope.Organization, CancelScheduled = true }] };

        var outcome = (await world.RunAsync(new ReconcileSettings { DryRun = true })).Organizations.Single();

        outcome.Plan!.Actions.ShouldHaveSingleItem().ShouldBeOfType<DeleteUpgradePolicy>();
        world.Actions.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailedUpgradesReachingTheThreshold_HaltTheVersion_InTheSamePass()
    {
        var world = HaltWorld(failedUpgrades: 2);

        var outcome = (await world.RunAsync()).Organizations.Single();

        world.Controls!.Failures.Select(f => f.Failure.Failure).ShouldBe([new UpgradeFailure("f-1", "4.16.2"), new UpgradeFailure("f-2", "4.16.2")]);
        var halt = world.Controls.Halts.ShouldHaveSingleItem();
        halt.Version.ShouldBe("4.16.2");
        halt.Reason.ShouldBe("2 clusters failed to upgrade to 4.16.2 (haltOnFailure.failedUpgrades 2): f-1, f-2");
        outcome.HaltedVersions.ShouldBe(["4.16.2"]);
        outcome.Plan!.Decision("ok-1").Reason.ShouldBe(Reason.VersionHalted);
        world.Actions.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task OneFailedUpgrade_HaltsWithAReasonInTheSingular()
    {
        var world = new PassWorld { Controls = new InMemoryControlStore() };
        var organization = Organization("org-h", [Policy("f-1"), Policy("ok-1")]) with { HaltOnFailure = new HaltOnFailure(1) };
        world.Organizations.Add(new Aus.Application.Inputs.OrganizationConfig(organization));
        world.Fleet.With(
            "org-h",
            Cluster("f-1", "4.16.1", "4.16.2") with { UpgradePolicies = [ExistingPolicy("4.16.2", UpgradePolicyState.Failed)] },
            Cluster("ok-1", "4.16.1", "4.16.2"));

        await world.RunAsync();

        world.Controls!.Halts.ShouldHaveSingleItem().Reason.ShouldBe("1 cluster failed to upgrade to 4.16.2 (haltOnFailure.failedUpgrades 1): f-1");
    }

    [Fact]
    public async Task FailuresBelowTheThreshold_AreRecorded_AndHaltNothing()
    {
        var world = HaltWorld(failedUpgrades: 3);

        var outcome = (await world.RunAsync()).Organizations.Single();

        world.Controls!.Failures.Count.ShouldBe(2);
        world.Controls.Halts.ShouldBeEmpty();
        outcome.HaltedVersions.ShouldBeEmpty();
        world.Actions.Applied.ShouldHaveSingleItem().Cluster.ShouldBe("ok-1");
    }

    [Fact]
    public async Task FailuresRecordedInEarlierPasses_CountAfterOcmForgotThem()
    {
        var world = HaltWorld(failedUpgrades: 3);
        world.Controls!.Failures.Add(("org-h", new RecordedFailure(new UpgradeFailure("gone-1", "4.16.2"), false), PassWorld.Now.AddDays(-1)));

        await world.RunAsync();

        world.Controls.HaltedIn("org-h").ShouldBe(["4.16.2"]);
        world.Controls.Halts.Single().Reason.ShouldContain("f-1, f-2, gone-1");
    }

    [Fact]
    public async Task AVersionAlreadyHalted_IsNotHaltedAgain_AndStaysHeld()
    {
        var world = HaltWorld(failedUpgrades: 2);
        await world.RunAsync();

        var second = (await world.RunAsync()).Organizations.Single();

        world.Controls!.Halts.Count.ShouldBe(1);
        world.Controls.Failures.Count.ShouldBe(2, "failures already recorded are not recorded again");
        second.HaltedVersions.ShouldBeEmpty();
        second.Plan!.Decision("ok-1").Reason.ShouldBe(Reason.VersionHalted);
    }

    [Fact]
    public async Task ADryRun_HoldsTheVersionInItsPlan_AndRecordsNothing()
    {
        var world = HaltWorld(failedUpgrades: 2);

        var outcome = (await world.RunAsync(new ReconcileSettings { DryRun = true })).Organizations.Single();

        outcome.Plan!.Decision("ok-1").Reason.ShouldBe(Reason.VersionHalted);
        world.Controls!.Failures.ShouldBeEmpty();
        world.Controls.Halts.ShouldBeEmpty();
    }

    [Fact]
    public async Task WithoutHaltOnFailure_FailuresAreRecorded_AndNothingIsHeld()
    {
        var world = HaltWorld(failedUpgrades: null);

        var outcome = (await world.RunAsync()).Organizations.Single();

        world.Controls!.Failures.Count.ShouldBe(2);
        world.Controls.Halts.ShouldBeEmpty();
        world.Actions.Applied.ShouldHaveSingleItem().Cluster.ShouldBe("ok-1");
        outcome.HaltedVersions.ShouldBeEmpty();
    }

    [Fact]
    public async Task AControlStoreThatFails_FailsThatOrganizationOnly()
    {
        var controls = new InMemoryControlStore();
        var world = new PassWorld { Controls = controls }.Org("org-a").Org("org-b");
        controls.Unreadable.Add("org-a");

        var report = await world.RunAsync();

        report.Organizations.Single(o => o.OrgId.Value == "org-a").Failure.ShouldNotBeNull().ShouldContain("rollout controls");
        report.Organizations.Single(o => o.OrgId.Value == "org-b").Failed.ShouldBeFalse();
        world.Actions.Applied.ShouldHaveSingleItem().Cluster.ShouldBe("org-b-c1");
    }

    /// <summary>org-h: f-1 and f-2 failed to upgrade to 4.16.2 (their policies are failed in OCM); ok-1 can upgrade to it now.</summary>
    private static PassWorld HaltWorld(int? failedUpgrades)
    {
        var world = new PassWorld { Controls = new InMemoryControlStore() };
        var organization = Organization("org-h", [Policy("f-1"), Policy("f-2"), Policy("ok-1")]) with
        {
            HaltOnFailure = failedUpgrades is { } n ? new HaltOnFailure(n) : null,
        };
        world.Organizations.Add(new Aus.Application.Inputs.OrganizationConfig(organization));
        world.Fleet.With(
            "org-h",
            Cluster("f-1", "4.16.1", "4.16.2") with { UpgradePolicies = [ExistingPolicy("4.16.2", UpgradePolicyState.Failed)] },
            Cluster("f-2", "4.16.1", "4.16.2") with { UpgradePolicies = [ExistingPolicy("4.16.2", UpgradePolicyState.Failed)] },
            Cluster("ok-1", "4.16.1", "4.16.2"));
        return world;
    }
}
