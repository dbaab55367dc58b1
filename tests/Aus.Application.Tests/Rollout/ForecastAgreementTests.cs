using Aus.Application.Forecast;
using Aus.Application.Rollout;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Rollout;

public sealed class ForecastAgreementTests
{
    private static readonly DateTimeOffset At0 = At("2026-11-23T12:00:00Z");

    private static ClusterForecast Forecast(ForecastOutcome outcome, DateTimeOffset? start = null, DateTimeOffset? completion = null) =>
        new() { OrgId = "o", Name = "c", Outcome = outcome, Start = start, Completion = completion };

    [Fact]
    public void TheDifference_IsTheLargerOfTheStartAndCompletionDifferences()
    {
        var forecast = Forecast(ForecastOutcome.Upgrades, At0.AddHours(1), At0.AddMinutes(150));

        ForecastAgreement.Difference(forecast, At0, At0.AddMinutes(90)).ShouldBe(TimeSpan.FromHours(1));
        ForecastAgreement.Difference(forecast, At0.AddHours(1), At0.AddMinutes(120)).ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void OnlyOneSideUpgrading_HasNoDifference()
    {
        ForecastAgreement.Difference(Forecast(ForecastOutcome.NotWithinHorizon), At0, At0.AddMinutes(90)).ShouldBeNull();
        ForecastAgreement.Difference(Forecast(ForecastOutcome.Upgrades, At0, At0.AddMinutes(90)), null, null).ShouldBeNull();
    }

    [Fact]
    public void NeitherSideUpgrading_Agrees()
    {
        ForecastAgreement.Difference(Forecast(ForecastOutcome.NotWithinHorizon), null, null).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void AClusterAlreadyThere_Agrees_UnlessAnUpgradeStartedAnyway()
    {
        ForecastAgreement.Difference(Forecast(ForecastOutcome.AlreadyThere), null, At0).ShouldBe(TimeSpan.Zero);
        ForecastAgreement.Difference(Forecast(ForecastOutcome.AlreadyThere), At0, At0.AddMinutes(90)).ShouldBeNull();
    }
}
