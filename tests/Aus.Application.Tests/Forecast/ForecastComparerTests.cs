using Aus.Application.Forecast;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Forecast;

/// <summary>The what-if: the same release and fleet under a baseline and a proposed policy set.</summary>
public sealed class ForecastComparerTests
{
    [Fact]
    public async Task Lowering_prod_soakDays_brings_prod_forward_and_names_the_field()
    {
        var request = await SectorsExampleForecastTests.SectorsRequestAsync(ForecastRequest.DefaultInterval);
        var baselinePolicy = request.Organizations[0].Policy;
        var proposedPolicy = baselinePolicy with
        {
            Clusters = [.. baselinePolicy.Clusters.Select(c => c.SoakDays == 7 ? c with { SoakDays = 2 } : c)],
        };
        var proposedRequest = request with { Organizations = [request.Organizations[0] with { Policy = proposedPolicy }] };

        var comparison = ForecastComparer.Compare(ForecastEngine.Run(request), [baselinePolicy], ForecastEngine.Run(proposedRequest), [proposedPolicy]);

        var prod1 = comparison.Clusters.Single(c => c.Name == "prod-1");
        prod1.Changes.ShouldBe([new PolicyChange("soakDays", "7", "2")]);
        prod1.CompletionShift!.Value.ShouldBeLessThan(TimeSpan.Zero);
        var stage1 = comparison.Clusters.Single(c => c.Name == "stage-1");
        stage1.Changes.ShouldBeEmpty();
        stage1.IsChanged.ShouldBeFalse();
    }

    [Fact]
    public void A_sector_limit_and_a_removed_cluster_are_named_as_changes()
    {
        var before = Organization("org", [Policy("a", sector: "prod"), Policy("b")], [Sector("prod", "1")]);
        var after = Organization("org", [Policy("a", sector: "prod", mutexes: ["m"])], [Sector("prod", "50%")]);

        ForecastComparer.Changes(before, after, "a").ShouldBe(
        [
            new PolicyChange("mutexes", "[]", "[m]"),
            new PolicyChange("sector prod maxParallelUpgrades", "1", "50%"),
        ]);
        ForecastComparer.Changes(before, after, "b").ShouldBe([new PolicyChange("policy", "present", "(none)")]);
    }
}
