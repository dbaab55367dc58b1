using Aus.Domain.Scheduling;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Scheduling;

/// <summary>reference-behaviour.md 11.3.1: croniter with day_or=False, strictly-after, UTC.</summary>
public sealed class CronScheduleSlotTests
{
    [Theory]
    [InlineData("* * * * *", "2021-08-30T18:06:00Z", "2021-08-30T18:07:00Z")]
    [InlineData("6 18 * * *", "2021-08-30T18:06:00Z", "2021-08-31T18:06:00Z")]
    [InlineData("0 13 * * 1-5", "2021-08-30T18:06:00Z", "2021-08-31T13:00:00Z")]
    [InlineData("0 19 30 * 1", "2021-08-30T18:06:00Z", "2021-08-30T19:00:00Z")]
    [InlineData("0 19 1 * 1", "2021-08-30T18:06:00Z", "2021-11-01T19:00:00Z")]   // both day fields: AND
    [InlineData("0 19 1 * *", "2021-08-30T18:06:00Z", "2021-09-01T19:00:00Z")]
    [InlineData("0 19 * * 1", "2021-08-30T18:06:00Z", "2021-08-30T19:00:00Z")]
    [InlineData("0 10 8-14 * 5", "2021-08-30T18:06:00Z", "2021-09-10T10:00:00Z")] // the second Friday
    [InlineData("0 0 29 2 1", "2021-08-30T18:06:00Z", "2044-02-29T00:00:00Z")]
    [InlineData("* * * * *", "2021-08-30T18:06:30Z", "2021-08-30T18:07:00Z")]
    public void NextAfter_IsTheFirstSlotStrictlyAfter(string expression, string after, string expected)
    {
        CronSchedule.Parse(expression).NextAfter(At(after)).ShouldBe(At(expected));
    }

    [Theory]
    [InlineData("0 48 * * 1-5")]
    [InlineData("* * * *")]
    [InlineData("")]
    [InlineData("0 0 31 2 * extra")]
    public void TryParse_RejectsInvalidExpressions(string expression)
    {
        CronSchedule.TryParse(expression, out var schedule, out var error).ShouldBeFalse();
        schedule.ShouldBeNull();
        error.ShouldNotBeEmpty();
    }

    [Fact]
    public void NextAfter_OfAnImpossibleDate_IsNull()
    {
        CronSchedule.Parse("0 0 30 2 *").NextAfter(At("2021-08-30T18:06:00Z")).ShouldBeNull();
    }
}
