using Aus.Application.Forecast;
using CsCheck;

namespace Aus.Application.Tests.Forecast;

/// <summary>
/// The forecast's key check: jumping from event to event gives exactly what planning every
/// organization at every pass gives, as a real service does.
/// </summary>
public sealed class ForecastJumpTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(12);

    [Fact]
    public void Jumping_over_idle_passes_forecasts_what_stepping_pass_by_pass_forecasts() =>
        ForecastScenario.Gen.Sample(
            scenario =>
            {
                var request = scenario.Request(Horizon);
                var jumped = ForecastEngine.Run(request);
                var stepped = ForecastEngine.RunEveryPass(request);

                Summary(jumped).ShouldBe(Summary(stepped), scenario.ToString());
                jumped.PlannedPasses.ShouldBeLessThanOrEqualTo(stepped.PlannedPasses, scenario.ToString());
            },
            iter: 60,
            threads: 1);

    [Fact]
    public void Jumping_forecasts_what_stepping_forecasts_when_a_source_has_several_inheritors() =>
        ForecastScenario.Gen.Select(s => s with { SecondInheritor = true }).Sample(
            scenario =>
            {
                var request = scenario.Request(Horizon);
                var jumped = ForecastEngine.Run(request);
                var stepped = ForecastEngine.RunEveryPass(request);

                Summary(jumped).ShouldBe(Summary(stepped), scenario.ToString());
                jumped.PlannedPasses.ShouldBeLessThanOrEqualTo(stepped.PlannedPasses, scenario.ToString());
            },
            iter: 60,
            threads: 1);

    [Fact]
    public async Task The_sectors_example_forecasts_the_same_both_ways()
    {
        var request = await SectorsExampleForecastTests.SectorsRequestAsync(ForecastScenario.Interval) with { Horizon = TimeSpan.FromDays(30) };

        var jumped = ForecastEngine.Run(request);
        var stepped = ForecastEngine.RunEveryPass(request);

        Summary(jumped).ShouldBe(Summary(stepped));
        // Fewer passes, or the comparison would prove nothing about the jumps.
        jumped.PlannedPasses.ShouldBeLessThan(stepped.PlannedPasses / 2);
    }

    /// <summary>Everything a forecast says, in one string that shows where two differ.</summary>
    internal static string Summary(Aus.Application.Forecast.Forecast forecast) => string.Join(
        "\n",
        forecast.Clusters.Select(c =>
            $"{c.OrgId}/{c.Name} {c.Outcome} {c.Start:O} {c.Completion:O} {c.TargetVersion} | "
            + string.Join(", ", c.Upgrades.Select(u => $"{u.Kind}:{u.NodePool}:{u.Version}@{u.Created:O}/{u.Start:O}/{u.Completion:O}")) + " | "
            + string.Join(", ", c.Conditions.Select(h => $"{h.Reason}={h.Duration}: {h.Detail}")) + " | last "
            + c.LastCondition?.Reason)
        .Concat(forecast.Organizations.Select(o => $"{o.OrgId} {o.Reached}/{o.Clusters} {o.RolloutEnd:O}")));
}
