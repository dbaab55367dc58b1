using Aus.Application.Forecast;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Forecast;

/// <summary>The dashboard's timeline: the forecast of the newest release the fleet is offered, from the latest pass's inputs.</summary>
public sealed class ReleaseTimelineTests
{
    private static async Task<PlanRequest> LatestPassAsync()
    {
        var request = await SectorsExampleForecastTests.SectorsRequestAsync(ForecastRequest.DefaultInterval);
        return new PlanRequest(request.Organizations, request.Fleet, request.Now);
    }

    [Fact]
    public async Task The_newest_release_is_the_highest_offered_version_that_is_not_a_pre_release()
    {
        // The sectors fleet is offered 4.16.8, 4.16.9 and 4.16.10-rc.1.
        var pass = await LatestPassAsync();

        ReleaseTimeline.NewestRelease(pass).ShouldBe(V("4.16.9"));
    }

    [Fact]
    public async Task A_version_offered_to_one_cluster_only_is_the_newest_when_it_is_the_highest()
    {
        var pass = await LatestPassAsync();
        var organization = pass.Fleet.Organizations.Single();
        var offered = organization with
        {
            Clusters = [.. organization.Clusters.Select(c => c.Name == "stage-1" ? c with { AvailableUpgrades = [.. c.AvailableUpgrades, V("4.16.11")] } : c)],
        };

        ReleaseTimeline.NewestRelease(pass with { Fleet = pass.Fleet with { Organizations = [offered] } }).ShouldBe(V("4.16.11"));
    }

    [Fact]
    public async Task The_timeline_is_the_forecast_of_the_newest_release_offered_from_the_latest_pass()
    {
        var pass = await LatestPassAsync();
        var options = new ReleaseTimelineOptions { Interval = TimeSpan.FromMinutes(30) };

        var timeline = ReleaseTimeline.ForNewestRelease(pass, options).ShouldNotBeNull();
        var forecast = ForecastEngine.Run(new ForecastRequest(pass.Organizations, pass.Fleet, pass.Now, new ForecastRelease(V("4.16.9"))) { Interval = options.Interval });

        timeline.Release.ShouldBe("4.16.9");
        timeline.Now.ShouldBe(pass.Now);
        timeline.End.ShouldBe(pass.Now + ForecastRequest.DefaultHorizon);
        timeline.Clusters.Select(c => (c.Name, c.Outcome, c.Start, c.Completion))
            .ShouldBe(forecast.Clusters.Select(c => (c.Name, c.Outcome, c.Start, c.Completion)));
        timeline.Clusters.Where(c => c.Start is not null).ShouldAllBe(c => c.Completion == c.Start + ForecastRequest.DefaultUpgradeDuration);
        timeline.Organizations.Single().RolloutEnd.ShouldBe(forecast.Organizations.Single().RolloutEnd);
        timeline.Organizations.Single().RolloutEnd.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_cluster_held_before_its_start_names_the_reason_that_held_it_longest()
    {
        var pass = await LatestPassAsync();

        var timeline = ReleaseTimeline.ForNewestRelease(pass).ShouldNotBeNull();

        // prod waits for stage's soak of 4.16.9 (the sectors history has none yet).
        timeline.Clusters.Single(c => c.Name == "prod-4").Reason.ShouldNotBeNull();
    }

    [Fact]
    public void A_fleet_without_clusters_of_the_configured_organizations_has_no_timeline()
    {
        var pass = new PlanRequest([], FleetSnapshot.Empty, At("2026-11-23T12:00:00Z"));

        ReleaseTimeline.ForNewestRelease(pass).ShouldBeNull();
    }
}
