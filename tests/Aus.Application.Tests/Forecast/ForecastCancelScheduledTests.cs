using Aus.Application.Forecast;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Forecast;

/// <summary>
/// A pause with cancel-scheduled deletes a cluster's upgrade policy that has not started: in the
/// forecast's model the policy is gone, it never runs, and the cluster is free again once the pause ends.
/// </summary>
public sealed class ForecastCancelScheduledTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    private static Aus.Application.Forecast.Forecast ForecastWith(RolloutPause? pause)
    {
        // c1 has a scheduled upgrade to the release starting in two hours; c2 has none.
        var c1 = Cluster("c1", "4.16.1", "4.16.5") with { UpgradePolicies = [ExistingPolicy("4.16.5", nextRun: Now.AddHours(2))] };
        var c2 = Cluster("c2", "4.16.1", "4.16.5");
        var input = Input(Organization("org-a", [Policy("c1"), Policy("c2")])) with
        {
            Controls = pause is null ? RolloutControls.Empty : new RolloutControls { Pauses = [pause] },
        };
        var request = new ForecastRequest([input], Fleet("org-a", [c1, c2]), Now, new ForecastRelease(V("4.16.5"), Now))
        {
            Interval = Interval,
            UpgradeDuration = TimeSpan.FromMinutes(90),
            Horizon = TimeSpan.FromDays(5),
        };
        return ForecastEngine.Run(request);
    }

    private static ClusterForecast C1(Aus.Application.Forecast.Forecast forecast) => forecast.Clusters.Single(c => c.Name == "c1");

    [Fact]
    public void Without_a_pause_the_scheduled_policy_runs_at_its_next_run()
    {
        var c1 = C1(ForecastWith(pause: null));

        c1.Outcome.ShouldBe(ForecastOutcome.Upgrades);
        c1.Start.ShouldBe(Now.AddHours(2));
    }

    [Fact]
    public void A_policy_cancelled_by_a_pause_without_end_never_runs_and_the_cluster_stays_paused()
    {
        var forecast = ForecastWith(new RolloutPause { Scope = PauseScope.Cluster, Target = "c1", CancelScheduled = true });
        var c1 = C1(forecast);

        c1.Outcome.ShouldBe(ForecastOutcome.NotWithinHorizon);
        c1.Start.ShouldBeNull();
        c1.Upgrades.ShouldBeEmpty();
        c1.HeldLongest.ShouldNotBeNull().Reason.ShouldBe(Reason.Paused);
        forecast.Clusters.Single(c => c.Name == "c2").Outcome.ShouldBe(ForecastOutcome.Upgrades);
    }

    [Fact]
    public void A_cluster_whose_policy_a_pause_cancelled_upgrades_again_when_the_pause_ends()
    {
        var until = Now.AddDays(1).AddMinutes(10);
        var c1 = C1(ForecastWith(new RolloutPause { Scope = PauseScope.Cluster, Target = "c1", CancelScheduled = true, Until = until }));

        // The first pass at or after the end of the pause creates a new policy, running a pass later at the earliest.
        c1.Outcome.ShouldBe(ForecastOutcome.Upgrades);
        c1.Upgrades.ShouldHaveSingleItem().Created.ShouldBe(Now.AddDays(1).AddMinutes(30));
        c1.Start.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(until);
    }

    [Fact]
    public void The_forecast_that_jumps_sees_the_end_of_the_pause_as_the_pass_by_pass_one_does()
    {
        var pause = new RolloutPause { Scope = PauseScope.Organization, CancelScheduled = true, Until = Now.AddDays(2).AddMinutes(7) };
        var c1 = Cluster("c1", "4.16.1", "4.16.5") with { UpgradePolicies = [ExistingPolicy("4.16.5", nextRun: Now.AddHours(2))] };
        var input = Input(Organization("org-a", [Policy("c1", schedule: "0 * * * *")])) with { Controls = new RolloutControls { Pauses = [pause] } };
        var request = new ForecastRequest([input], Fleet("org-a", [c1]), Now, new ForecastRelease(V("4.16.5"), Now))
        {
            Interval = Interval,
            Horizon = TimeSpan.FromDays(5),
        };

        var jumped = ForecastEngine.Run(request);
        var stepped = ForecastEngine.RunEveryPass(request);

        jumped.Clusters.Single().Start.ShouldBe(stepped.Clusters.Single().Start);
        jumped.Clusters.Single().Start.ShouldNotBeNull();
    }
}
