using Aus.Application.Views;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Views;

/// <summary>The rollout controls in force, as the organization was planned with them.</summary>
public sealed class ControlsViewTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void A_pause_in_force_shows_its_scope_reason_until_and_who_and_an_expired_one_does_not()
    {
        var controls = new RolloutControls
        {
            Pauses =
            [
                new RolloutPause { Scope = PauseScope.Sector, Target = "prod", Reason = "incident 42", Until = Now.AddDays(1), PausedBy = "alice", PausedAt = Now.AddHours(-1), CancelScheduled = true },
                new RolloutPause { Scope = PauseScope.Organization, Reason = "over", Until = Now.AddMinutes(-1), PausedBy = "bob" },
            ],
        };

        var view = View(Organization("org", [Policy("a")]), [Cluster("a", "4.15.1")], controls).Controls;

        view.Pauses.ShouldBe([new PauseView(PauseScope.Sector, "prod", "incident 42", Now.AddDays(1), "alice", Now.AddHours(-1)) { CancelScheduled = true }]);
    }

    [Fact]
    public void Freezes_on_now_or_to_come_are_shown_with_their_occurrence_and_past_ones_are_not()
    {
        var policy = Organization("org", [Policy("a")]) with
        {
            Freezes =
            [
                FreezeWindow.Fixed("over", Now.AddDays(-3), Now.AddDays(-2)),
                FreezeWindow.Fixed("holidays", Now.AddDays(20), Now.AddDays(30)),
                FreezeWindow.Fixed("release week", Now.AddDays(-1), Now.AddDays(2)),
                FreezeWindow.Recurring("fridays", CronSchedule.Parse("0 0 * * 5"), TimeSpan.FromDays(1)),
            ],
        };

        var freezes = View(policy, [Cluster("a", "4.15.1")]).Controls.Freezes;

        // 2026-11-23 is a Monday: the next Friday is the 27th.
        freezes.ShouldBe(
        [
            new FreezeView("release week", Now.AddDays(-1), Now.AddDays(2), Active: true),
            new FreezeView("fridays", At("2026-11-27T00:00:00Z"), At("2026-11-28T00:00:00Z"), Active: false),
            new FreezeView("holidays", Now.AddDays(20), Now.AddDays(30), Active: false),
        ]);
    }

    [Fact]
    public void A_sector_held_for_approval_names_the_version_it_waits_for_and_its_clusters()
    {
        var policy = Organization(
            "org",
            [Policy("p1", sector: "prod"), Policy("p2", sector: "prod"), Policy("s1", sector: "stage")],
            [Sector("stage"), Sector("prod") with { RequireApproval = true }]);
        OcmCluster[] clusters = [Cluster("p1", "4.15.1", "4.15.3"), Cluster("p2", "4.15.1", "4.15.3"), Cluster("s1", "4.15.3")];
        var controls = new RolloutControls { Approvals = [new RolloutApproval("prod", "4.15.2")], HaltedVersions = ["4.15.9"] };

        var view = View(policy, clusters, controls).Controls;

        var wait = view.AwaitingApproval.ShouldHaveSingleItem();
        (wait.Sector, wait.Version).ShouldBe(("prod", "4.15.3"));
        wait.Clusters.ShouldBe(["p1", "p2"]);
        view.Approved.ShouldBe([new RolloutApproval("prod", "4.15.2")]);
        view.HaltedVersions.ShouldBe(["4.15.9"]);
    }

    [Fact]
    public void An_organization_without_controls_has_none_to_show()
    {
        View(Organization("org", [Policy("a")]), [Cluster("a", "4.15.1", "4.15.2")]).Controls.IsEmpty.ShouldBeTrue();
    }

    private static OrganizationView View(OrganizationPolicy policy, OcmCluster[] clusters, RolloutControls? controls = null)
    {
        var request = new PlanRequest([Input(policy) with { Controls = controls ?? RolloutControls.Empty }], Fleet(policy.OrgId.Value, clusters), Now) { IncludeReport = true };
        return FleetViewBuilder.FromPlan(FleetPlanner.Plan(request), request).Environments.Single().Organizations.Single();
    }
}
