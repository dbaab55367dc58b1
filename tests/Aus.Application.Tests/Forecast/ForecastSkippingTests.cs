using Aus.Application.Forecast;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using CsCheck;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Forecast;

/// <summary>
/// Which organizations the forecast plans at an event, and which window flips it does not plan at
/// all, change nothing it forecasts: it equals planning every organization at each event and at
/// every window flip, and, for the flips, planning every pass.
/// </summary>
public sealed class ForecastSkippingTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public void Planning_only_the_organizations_an_event_concerns_forecasts_what_planning_all_of_them_forecasts() =>
        ForecastScenario.Gen.Sample(
            scenario =>
            {
                var request = scenario.Request(TimeSpan.FromDays(20));
                var jumped = ForecastEngine.Run(request);
                var all = ForecastEngine.RunEveryOrganizationAtEachEvent(request);

                ForecastJumpTests.Summary(jumped).ShouldBe(ForecastJumpTests.Summary(all), scenario.ToString());
                jumped.PlannedPasses.ShouldBeLessThanOrEqualTo(all.PlannedPasses, scenario.ToString());
            },
            iter: 60,
            threads: 1);

    [Fact]
    public void With_several_inheritors_too() =>
        ForecastScenario.Gen.Select(s => s with { SecondInheritor = true }).Sample(
            scenario =>
            {
                var request = scenario.Request(TimeSpan.FromDays(20));
                var jumped = ForecastEngine.Run(request);
                var all = ForecastEngine.RunEveryOrganizationAtEachEvent(request);

                ForecastJumpTests.Summary(jumped).ShouldBe(ForecastJumpTests.Summary(all), scenario.ToString());
            },
            iter: 60,
            threads: 1);

    private static ForecastRequest Waiting(OcmCluster cluster) => new(
        [Input(Organization("org-a", [Policy("c", soakDays: 7, schedule: "0 13 * * *")]))],
        Fleet("org-a", [cluster]),
        Now,
        new ForecastRelease(V("4.16.5"), Now))
    {
        Interval = Interval,
        Horizon = TimeSpan.FromDays(4),
    };

    [Fact]
    public void A_cluster_held_in_its_window_is_planned_once_and_its_window_closing_and_opening_are_not()
    {
        // In its window at the first pass (the 13:00 slot), held by soak it never reaches: its window
        // closes at 12:54 and opens at 11:00 every day, and a pass there gives what is known already.
        var request = Waiting(Cluster("c", "4.16.1", "4.16.5"));

        var jumped = ForecastEngine.Run(request);
        var stepped = ForecastEngine.RunEveryPass(request);

        jumped.PlannedPasses.ShouldBe(1);
        ForecastJumpTests.Summary(jumped).ShouldBe(ForecastJumpTests.Summary(stepped));
        jumped.Clusters.Single().Conditions.Select(c => c.Reason.ToCode()).ShouldBe(["outside-window", "soaking"]);
    }

    [Fact]
    public void A_cluster_with_an_upgrade_policy_has_no_window_flips_to_plan()
    {
        // A policy to 4.16.2 runs in three days: until it completes, a pass decides the upgrade in
        // progress in and outside the window alike. Planned: the first pass, the completion (at 13:30,
        // outside the window), and the window's next opening, where the release's soak holds it.
        var request = Waiting(Cluster("c", "4.16.1", "4.16.2", "4.16.5") with { UpgradePolicies = [ExistingPolicy("4.16.2", nextRun: Now.AddDays(3))] });

        var jumped = ForecastEngine.Run(request);
        var stepped = ForecastEngine.RunEveryPass(request);

        ForecastJumpTests.Summary(jumped).ShouldBe(ForecastJumpTests.Summary(stepped));
        jumped.PlannedPasses.ShouldBe(3);
    }

    [Fact]
    public void An_organization_given_twice_with_a_cluster_of_the_same_name_forecasts_what_stepping_forecasts()
    {
        // The second file's cluster takes the first file's policy (the planner joins names to the first);
        // it is planned at the passes of either file, with either file's schedule seen at each.
        var first = Organization("org-a", [Policy("c", soakDays: 0, schedule: "0 13 * * *"), Policy("d", soakDays: 0, schedule: "0 13 * * *")]);
        var second = Organization("org-a", [Policy("c", soakDays: 0, schedule: "0 2 * * *"), Policy("e", soakDays: 0, schedule: "30 7 * * *")]);
        var request = new ForecastRequest(
            [Input(first), Input(second)],
            Fleet("org-a", [Cluster("c", "4.16.1", "4.16.5"), Cluster("d", "4.16.1", "4.16.5"), Cluster("e", "4.16.1", "4.16.5")]),
            Now,
            new ForecastRelease(V("4.16.5"), Now))
        {
            Interval = Interval,
            Horizon = TimeSpan.FromDays(3),
        };

        var jumped = ForecastEngine.Run(request);

        ForecastJumpTests.Summary(jumped).ShouldBe(ForecastJumpTests.Summary(ForecastEngine.RunEveryPass(request)));
        jumped.Clusters.Where(c => c.Start is not null).Select(c => c.Name).Distinct().Order().ShouldBe(["c", "d", "e"]);
    }

    [Fact]
    public void An_organization_with_a_freeze_is_planned_at_every_pass_and_its_cluster_upgrades_when_the_freeze_ends()
    {
        var organization = Organization("org-a", [Policy("c", soakDays: 0, schedule: "0 * * * *")]) with
        {
            Freezes = [FreezeWindow.Fixed("change-freeze", Now, Now.AddDays(1))],
        };
        var request = new ForecastRequest([Input(organization)], Fleet("org-a", [Cluster("c", "4.16.1", "4.16.5")]), Now, new ForecastRelease(V("4.16.5"), Now))
        {
            Interval = Interval,
            Horizon = TimeSpan.FromDays(2),
        };

        var jumped = ForecastEngine.Run(request);

        ForecastJumpTests.Summary(jumped).ShouldBe(ForecastJumpTests.Summary(ForecastEngine.RunEveryPass(request)));
        jumped.Clusters.Single().Start.ShouldBe(Now.AddDays(1));
        jumped.Clusters.Single().HeldLongest!.Reason.ShouldBe(Reason.Frozen);
    }
}
