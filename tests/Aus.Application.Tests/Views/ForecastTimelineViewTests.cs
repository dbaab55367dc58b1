using Aus.Application.Forecast;
using Aus.Application.Views;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Views;

/// <summary>The newest release's forecast in the view: per organization, clusters in the order of the sector flow, or why there is none.</summary>
public sealed class ForecastTimelineViewTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    // In file order: a cluster without a sector, then the sectors backwards.
    private static readonly OrganizationPolicy Sectors = Organization(
        "org",
        [Policy("loose"), Policy("g1", sector: "prod-green"), Policy("b1", sector: "prod-blue"), Policy("s1", sector: "stage"), Policy("s0", sector: "stage")],
        [Sector("prod-green", null, "prod-blue"), Sector("prod-blue", null, "stage"), Sector("stage")]);

    private static readonly OcmCluster[] Clusters =
    [
        Cluster("loose", "4.15.1", "4.15.2"),
        Cluster("g1", "4.15.1", "4.15.2"),
        Cluster("b1", "4.15.1", "4.15.2"),
        Cluster("s1", "4.15.1", "4.15.2"),
        Cluster("s0", "4.15.2"),
    ];

    [Fact]
    public void The_timeline_lists_clusters_by_sector_flow_those_already_there_first_then_by_start()
    {
        var request = Request();
        var timeline = ReleaseTimeline.ForNewestRelease(request).ShouldNotBeNull();

        var forecast = View(request, ReleaseForecast.Of(timeline)).Forecast.ShouldNotBeNull();

        forecast.Release.ShouldBe("4.15.2");
        forecast.From.ShouldBe(Now);
        forecast.Clusters.Select(c => (c.Cluster, c.Sector)).ShouldBe([("s0", "stage"), ("s1", "stage"), ("b1", "prod-blue"), ("g1", "prod-green"), ("loose", null)]);
        forecast.Clusters[0].Outcome.ShouldBe(ForecastOutcome.AlreadyThere);
        var starts = forecast.Clusters.Skip(1).Take(3).Select(c => c.Start.ShouldNotBeNull()).ToList();
        starts.ShouldBeInOrder(SortDirection.Ascending, "each sector starts after the one it depends on");
        starts[1].ShouldBeGreaterThan(starts[0]);
        forecast.Reached.ShouldBe(5);
        forecast.RolloutEnd.ShouldBe(forecast.Clusters.Max(c => c.Completion));
    }

    [Fact]
    public void A_failed_forecast_is_unavailable_with_why_and_the_rest_of_the_view_stands()
    {
        var organization = View(Request(), ReleaseForecast.Failed(new InvalidOperationException("the horizon is negative")));

        organization.Forecast.ShouldBeNull();
        organization.ForecastUnavailable.ShouldBe("the forecast failed: the horizon is negative");
        organization.Clusters.Length.ShouldBe(5);
    }

    [Fact]
    public void A_pending_forecast_is_neither_a_timeline_nor_unavailable()
    {
        var organization = View(Request(), ReleaseForecast.Pending);

        (organization.Forecast, organization.ForecastUnavailable, organization.ForecastPending).ShouldBe((null, null, true));
    }

    [Fact]
    public void An_organization_missing_from_the_forecast_says_it_was_not_planned_in_its_pass()
    {
        var other = Organization("other", [Policy("o1")]);
        var otherRequest = new PlanRequest([Input(other)], Fleet("other", [Cluster("o1", "4.15.1", "4.15.2")]), Now);
        var timeline = ReleaseTimeline.ForNewestRelease(otherRequest).ShouldNotBeNull();

        View(Request(), ReleaseForecast.Of(timeline)).ForecastUnavailable.ShouldBe("the organization was not planned in the pass the forecast starts from");
    }

    [Fact]
    public void A_fleet_without_a_version_to_follow_has_no_forecast()
    {
        ReleaseForecast.Of(null).Unavailable.ShouldBe("no cluster of the planned organizations has a version to follow");
    }

    private static PlanRequest Request() => new([Input(Sectors)], Fleet("org", Clusters), Now) { IncludeReport = true };

    private static OrganizationView View(PlanRequest request, ReleaseForecast forecast) =>
        FleetViewBuilder.FromPlan(FleetPlanner.Plan(request), request, forecast).Environments.Single().Organizations.Single();
}
