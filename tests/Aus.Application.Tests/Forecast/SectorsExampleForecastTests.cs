using Aus.Application.Forecast;
using Aus.Domain.Planning;
using Aus.Policies.Fleet;
using Aus.Policies.History;
using Aus.Policies.Organizations;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Forecast;

/// <summary>The forecast of examples/sectors-*.yaml: stage, then prod-blue, then prod-green, one mutex holder at a time.</summary>
public sealed class SectorsExampleForecastTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    internal static async Task<ForecastRequest> SectorsRequestAsync(TimeSpan interval)
    {
        var organization = await OrganizationReader.ReadFileAsync(RepositoryPaths.Example("sectors-org.yaml"), CancellationToken.None);
        var fleet = await FleetReader.ReadFileAsync(RepositoryPaths.Example("sectors-fleet.yaml"), CancellationToken.None);
        var history = await HistoryReader.ReadFileAsync(RepositoryPaths.Example("sectors-history.json"), CancellationToken.None);
        var input = new OrganizationInput { Policy = organization.Policy!, ClusterNames = organization.ClusterNames, History = history.History! };
        return new ForecastRequest([input], fleet.Snapshot!, Now, new ForecastRelease(V("4.16.10"), Now.AddHours(3))) { Interval = interval };
    }

    private static Task<Aus.Application.Forecast.Forecast> ForecastAsync() =>
        SectorsRequestAsync(ForecastRequest.DefaultInterval).ContinueWith(t => ForecastEngine.Run(t.Result), TaskScheduler.Default);

    [Fact]
    public async Task Every_cluster_gets_the_release_and_the_organization_rollout_ends_with_the_last_completion()
    {
        var forecast = await ForecastAsync();

        forecast.Clusters.ShouldAllBe(c => c.Outcome == ForecastOutcome.Upgrades && c.TargetVersion == "4.16.10");
        forecast.Organizations.Single().RolloutEnd.ShouldBe(forecast.Clusters.Max(c => c.Completion));
    }

    [Fact]
    public async Task Prod_blue_starts_after_stage_completes_and_prod_green_after_prod_blue()
    {
        var forecast = await ForecastAsync();
        var stage = forecast.Clusters.Where(c => c.Name.StartsWith("stage", StringComparison.Ordinal)).ToList();
        var blue = forecast.Clusters.Where(c => c.Name is "prod-1" or "prod-2").ToList();
        var green = forecast.Clusters.Where(c => c.Name is "prod-3" or "prod-4").ToList();

        blue.Min(c => c.Start)!.Value.ShouldBeGreaterThanOrEqualTo(stage.Max(c => c.Completion)!.Value);
        green.Min(c => c.Start)!.Value.ShouldBeGreaterThanOrEqualTo(blue.Max(c => c.Completion)!.Value);
    }

    [Fact]
    public async Task A_mutex_has_one_holder_at_a_time_from_the_policy_created_to_its_completion()
    {
        var forecast = await ForecastAsync();

        foreach (var pair in new[] { ("prod-1", "prod-2"), ("prod-3", "prod-4") })
        {
            var first = forecast.Clusters.Single(c => c.Name == pair.Item1).Upgrades;
            var second = forecast.Clusters.Single(c => c.Name == pair.Item2).Upgrades;
            foreach (var a in first)
            {
                foreach (var b in second)
                {
                    var overlap = a.Created < b.Completion && b.Created < a.Completion;
                    overlap.ShouldBeFalse($"{pair.Item1} to {a.Version} and {pair.Item2} to {b.Version} overlap");
                }
            }
        }
    }

    [Fact]
    public async Task Prod_waits_for_the_release_to_soak_seven_days_from_the_two_stage_clusters()
    {
        var forecast = await ForecastAsync();
        var stageDone = forecast.Clusters.Where(c => c.Name.StartsWith("stage", StringComparison.Ordinal)).Max(c => c.Completion)!.Value;
        var prod1 = forecast.Clusters.Single(c => c.Name == "prod-1");

        // Two clusters soak 4.16.10 at once: seven cluster-days take at least three and a half days.
        prod1.Start!.Value.ShouldBeGreaterThan(stageDone.AddDays(3.5));
        forecast.Clusters.Where(c => c.Name.StartsWith("prod", StringComparison.Ordinal))
            .ShouldContain(c => c.HeldLongest!.Reason == Reason.Soaking);
    }

    [Fact]
    public async Task Predicted_starts_land_on_schedule_slots_and_policies_are_created_at_passes()
    {
        var forecast = await ForecastAsync();

        foreach (var upgrade in forecast.Clusters.SelectMany(c => c.Upgrades))
        {
            upgrade.Start.Minute.ShouldBe(0);
            ((upgrade.Created!.Value - forecast.Now).Ticks % forecast.Interval.Ticks).ShouldBe(0);
        }
    }
}
