using Aus.Application.Forecast;
using Aus.Application.Inputs;
using Aus.Application.Reconcile;
using Aus.Cli.Service;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Cli.Tests.Service;

/// <summary>
/// The dashboard's forecast: made after a pass, off the pass and the requests; a forecast that fails
/// or outlasts its time limit leaves the forecast unavailable with why, and the view stands.
/// </summary>
public sealed class DashboardStateTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");
    private static readonly OrganizationPolicy Policy = Organization("org", [Aus.TestKit.Build.Policy("a")]);
    private static readonly PlanRequest Request = new([Input(Policy)], Fleet("org", [Cluster("a", "4.15.1", "4.15.2")]), Now) { IncludeReport = true };

    [Fact]
    public async Task After_a_pass_the_view_has_the_timeline_of_the_newest_release()
    {
        var state = new DashboardState();
        state.ForecastWith((request, limit) => ReleaseTimeline.ForNewestRelease(request, new ReleaseTimelineOptions { CancellationToken = limit }), TimeSpan.FromMinutes(5));

        RecordPass(state);
        await state.ForecastsDone;

        var forecast = OrganizationOf(state).Forecast.ShouldNotBeNull();
        forecast.Release.ShouldBe("4.15.2");
        var cluster = forecast.Clusters.ShouldHaveSingleItem();
        cluster.Outcome.ShouldBe(ForecastOutcome.Upgrades);
        cluster.Start.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(Now);
    }

    [Fact]
    public async Task The_newest_release_is_forecast_with_the_given_upgrade_duration()
    {
        var state = new DashboardState();
        state.ForecastNewestRelease(TimeSpan.FromMinutes(5), upgradeDuration: TimeSpan.FromMinutes(25));

        RecordPass(state);
        await state.ForecastsDone;

        var cluster = OrganizationOf(state).Forecast.ShouldNotBeNull().Clusters.ShouldHaveSingleItem();
        (cluster.Completion - cluster.Start).ShouldBe(TimeSpan.FromMinutes(25));
    }

    [Fact]
    public async Task A_forecast_that_throws_is_unavailable_with_its_message_and_the_clusters_still_show()
    {
        var state = new DashboardState();
        state.ForecastWith((_, _) => throw new InvalidOperationException("the graph has a cycle"), TimeSpan.FromMinutes(5));

        RecordPass(state);
        await state.ForecastsDone;

        var organization = OrganizationOf(state);
        organization.ForecastUnavailable.ShouldBe("the forecast failed: the graph has a cycle");
        organization.Clusters.ShouldHaveSingleItem().Reason.ShouldBe("scheduled");
    }

    [Fact]
    public async Task A_forecast_past_its_time_limit_is_stopped_and_unavailable()
    {
        var state = new DashboardState();
        var stopped = false;
        state.ForecastWith(
            (_, limit) =>
            {
                // Runs until it is told to stop, as a forecast too large for its time limit would.
                limit.WaitHandle.WaitOne();
                stopped = true;
                limit.ThrowIfCancellationRequested();
                return null;
            },
            TimeSpan.FromMilliseconds(50));

        RecordPass(state);
        await state.ForecastsDone;

        stopped.ShouldBeTrue();
        OrganizationOf(state).ForecastUnavailable.ShouldBe("the forecast took longer than 0.05 s and was given up");
    }

    [Fact]
    public void Until_the_first_forecast_ends_the_view_says_it_is_pending()
    {
        var state = new DashboardState();
        using var release = new ManualResetEventSlim();
        state.ForecastWith((_, _) => { release.Wait(); return null; }, TimeSpan.FromMinutes(5));

        RecordPass(state);
        var organization = OrganizationOf(state);
        release.Set();

        organization.ForecastPending.ShouldBeTrue();
        organization.Forecast.ShouldBeNull();
    }

    [Fact]
    public void Without_forecasts_the_view_has_no_forecast_section()
    {
        var state = new DashboardState();

        RecordPass(state);

        var organization = OrganizationOf(state);
        (organization.Forecast, organization.ForecastUnavailable, organization.ForecastPending).ShouldBe((null, null, false));
    }

    private static void RecordPass(DashboardState state)
    {
        var plan = FleetPlanner.Plan(Request).Organizations.Single();
        var outcome = new OrganizationOutcome(new OrganizationId("org"), "org", Policy.Environment) { Plan = plan, Fleet = Request.Fleet.Find(new OrganizationId("org")) };
        state.Record(Now, TimeSpan.FromSeconds(1), [outcome], [new OrganizationConfig(Policy)], [Request]);
    }

    private static Aus.Application.Views.OrganizationView OrganizationOf(DashboardState state) =>
        state.View(Now).Environments.Single().Organizations.Single();
}
