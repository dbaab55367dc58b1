using Aus.Application.Forecast;
using Aus.Application.Rollout;
using Aus.Cli.Demo;

namespace Aus.Cli.Tests.Demo;

/// <summary>
/// The forecast the demo prints when the release is published agrees with what the deterministic
/// simulator then does: per cluster, start and completion within one pass interval.
/// </summary>
public sealed class DemoForecastTests(BundledDemoRun run) : IClassFixture<BundledDemoRun>
{
    [Fact]
    public void Forecast_IsMadeWithTheDemosInterval_AndPrintedWhenTheReleaseIsPublished()
    {
        var forecast = run.Result.Forecast.ShouldNotBeNull();
        forecast.Now.ShouldBe(run.Result.Start);
        forecast.Interval.ShouldBe(new DemoSettings().PassInterval);
        forecast.Release.OfferedAt.ShouldBe(run.Result.Start);
        var firstPass = run.Output.Text.IndexOf(" pass 1: ", StringComparison.Ordinal);
        var prediction = run.Output.Text.IndexOf("forecast: prod-4 upgrades ", StringComparison.Ordinal);
        prediction.ShouldBeGreaterThan(-1, run.Output.Text);
        prediction.ShouldBeLessThan(firstPass);
    }

    [Fact]
    public void EveryClusterGetsTheReleaseInTheForecastAsInTheRun()
    {
        var forecast = run.Result.Forecast.ShouldNotBeNull();
        forecast.Clusters.Select(c => c.Name).ShouldBe(run.Result.Clusters.Select(c => c.Name), ignoreOrder: true);
        forecast.Clusters.ShouldAllBe(c => c.Outcome == ForecastOutcome.Upgrades);
        run.Result.Clusters.ShouldAllBe(c => c.ReleaseStartedAt != null && c.ReleaseAt != null);
    }

    [Fact]
    public void ForecastAgreesWithTheSimulator_WithinOnePassInterval()
    {
        var forecast = run.Result.Forecast.ShouldNotBeNull();
        var interval = new DemoSettings().PassInterval;
        foreach (var actual in run.Result.Clusters)
        {
            var predicted = forecast.Clusters.Single(c => c.Name == actual.Name);
            var off = ForecastAgreement.Difference(predicted, actual.ReleaseStartedAt, actual.ReleaseAt);
            off.ShouldNotBeNull($"{actual.Name}: forecast {predicted.Start}..{predicted.Completion}, actual {actual.ReleaseStartedAt}..{actual.ReleaseAt}");
            off.Value.ShouldBeLessThanOrEqualTo(interval, $"{actual.Name}: forecast {predicted.Start}..{predicted.Completion}, actual {actual.ReleaseStartedAt}..{actual.ReleaseAt}");
        }
    }

    [Fact]
    public void Summary_SetsTheForecastBesideWhatHappened()
    {
        var text = run.Output.Text;
        var table = text.IndexOf("Forecast (made when 4.16.10 was published) beside what happened:", StringComparison.Ordinal);
        table.ShouldBeGreaterThan(-1, text);
        var rows = text[table..].Split('\n').Skip(2).TakeWhile(l => l.Trim().Length > 0).ToList();
        rows.Count.ShouldBe(run.Result.Clusters.Length);
        rows.ShouldAllBe(r => !r.Contains("differs"));
    }
}
