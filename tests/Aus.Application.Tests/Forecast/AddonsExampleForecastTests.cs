using Aus.Application.Forecast;
using Aus.Domain.Planning;
using Aus.Policies.Fleet;
using Aus.Policies.History;
using Aus.Policies.Organizations;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Forecast;

/// <summary>
/// The forecast of a release for an organization that manages add-on upgrades
/// (examples/sectors-addons-*.yaml): add-ons take no part, so it is the sectors example's forecast.
/// </summary>
public sealed class AddonsExampleForecastTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public async Task An_organization_managing_addons_gets_the_same_forecast_as_without_addons()
    {
        var organization = await OrganizationReader.ReadFileAsync(RepositoryPaths.Example("sectors-addons-org.yaml"), CancellationToken.None);
        var fleet = await FleetReader.ReadFileAsync(RepositoryPaths.Example("sectors-addons-fleet.yaml"), CancellationToken.None);
        var history = await HistoryReader.ReadFileAsync(RepositoryPaths.Example("sectors-history.json"), CancellationToken.None);
        organization.Policy!.AddonManagedUpgrades.ShouldBeTrue();
        var input = new OrganizationInput { Policy = organization.Policy!, ClusterNames = organization.ClusterNames, History = history.History! };
        var release = new ForecastRelease(V("4.16.10"), Now.AddHours(3));

        var withAddons = ForecastEngine.Run(new ForecastRequest([input], fleet.Snapshot!, Now, release));
        var without = ForecastEngine.Run(await SectorsExampleForecastTests.SectorsRequestAsync(ForecastRequest.DefaultInterval));

        withAddons.Clusters.ShouldAllBe(c => c.Outcome == ForecastOutcome.Upgrades && c.TargetVersion == "4.16.10");
        withAddons.Clusters.Select(c => (c.Name, c.Start, c.Completion)).ShouldBe(without.Clusters.Select(c => (c.Name, c.Start, c.Completion)));
    }
}
