using System.Globalization;
using Aus.Domain.Scheduling;

namespace Aus.Domain.Tests.Scheduling;

public sealed class CronScheduleTests
{
    [Theory]
    // Day-of-month AND day-of-week: the 1st of a month that is a Monday.
    [InlineData("0 19 1 * 1", "2021-08-30T18:00:00Z", "2021-11-01T19:00:00Z")]
    // The 30th that is a Monday: 2021-08-30 itself, later the same day.
    [InlineData("0 19 30 * 1", "2021-08-30T18:00:00Z", "2021-08-30T19:00:00Z")]
    // The second Friday of the month.
    [InlineData("0 10 8-14 * 5", "2026-11-01T00:00:00Z", "2026-11-13T10:00:00Z")]
    [InlineData("0 10 8-14 * 5", "2026-11-13T10:00:00Z", "2026-12-11T10:00:00Z")]
    public void NextAfter_DayOfMonthAndDayOfWeek_BothMustMatch(string expression, string from, string expected)
    {
        CronSchedule.Parse(expression).NextAfter(At(from)).ShouldBe(At(expected));
    }

    [Theory]
    [InlineData("0 13 * * 1-5", "2026-11-23T12:00:00Z", "2026-11-23T13:00:00Z")]
    [InlineData("0 13 * * 1-5", "2026-11-27T13:30:00Z", "2026-11-30T13:00:00Z")]
    [InlineData("* * * * *", "2026-11-23T12:00:30Z", "2026-11-23T12:01:00Z")]
    [InlineData("0 * * * *", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z")]
    public void NextAfter_OnlyOneDayFieldRestricted_BehavesAsClassicCron(string expression, string from, string expected)
    {
        CronSchedule.Parse(expression).NextAfter(At(from)).ShouldBe(At(expected));
    }

    [Theory]
    [InlineData("0 0 29 2 *", "2021-03-01T00:00:00Z", "2024-02-29T00:00:00Z")]
    [InlineData("0 0 29 2 *", "2024-02-29T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 31 * *", "2021-04-15T00:00:00Z", "2021-05-31T00:00:00Z")]
    [InlineData("0 0 31 * *", "2021-01-31T00:00:00Z", "2021-03-31T00:00:00Z")]
    [InlineData("30 23 28-31 2 *", "2023-02-28T23:30:00Z", "2024-02-28T23:30:00Z")]
    [InlineData("0 0 1 * *", "2024-02-29T12:00:00Z", "2024-03-01T00:00:00Z")]
    public void NextAfter_MonthEndsAndLeapDays(string expression, string from, string expected)
    {
        CronSchedule.Parse(expression).NextAfter(At(from)).ShouldBe(At(expected));
    }

    [Fact]
    public void NextAfter_LeapDayOnAMonday_IsFoundYearsAhead()
    {
        // Feb 29 fell on a Monday in 2016; the next time is 2044.
        CronSchedule.Parse("0 0 29 2 1").NextAfter(At("2021-08-30T18:00:00Z")).ShouldBe(At("2044-02-29T00:00:00Z"));
    }

    [Fact]
    public void NextAfter_AnInstantOnASlot_ReturnsTheFollowingSlot()
    {
        var schedule = CronSchedule.Parse("0 13 * * 1-5");

        schedule.NextAfter(At("2026-11-23T13:00:00Z")).ShouldBe(At("2026-11-24T13:00:00Z"));
        schedule.NextAfter(At("2026-11-23T12:59:59.999Z")).ShouldBe(At("2026-11-23T13:00:00Z"));
    }

    [Fact]
    public void NextAfter_AnInstantWithAnOffset_IsEvaluatedInUtc()
    {
        var slot = CronSchedule.Parse("0 13 * * *").NextAfter(DateTimeOffset.Parse("2026-11-23T14:00:00+02:00", CultureInfo.InvariantCulture));

        slot.ShouldBe(At("2026-11-23T13:00:00Z"));
        slot!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void NextAfter_ADateThatNeverExists_ReturnsNull()
    {
        CronSchedule.Parse("0 0 30 2 *").NextAfter(At("2026-01-01T00:00:00Z")).ShouldBeNull();
    }

    [Theory]
    [InlineData("0 48 * * 1-5")]
    [InlineData("60 * * * *")]
    [InlineData("0 0 32 * *")]
    [InlineData("0 0 * 13 *")]
    [InlineData("0 0 * * 8")]
    [InlineData("a b c d e")]
    public void TryParse_OutOfRangeOrGarbage_Fails(string expression)
    {
        CronSchedule.TryParse(expression, out var schedule, out var error).ShouldBeFalse();

        schedule.ShouldBeNull();
        error.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("0 13 * *", 4)]
    [InlineData("0 0 13 * * 1-5", 6)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void TryParse_NotFiveFields_Fails(string? expression, int found)
    {
        CronSchedule.TryParse(expression, out var schedule, out var error).ShouldBeFalse();

        schedule.ShouldBeNull();
        error.ShouldBe($"expected 5 fields (minute hour day-of-month month day-of-week), found {found}");
    }

    [Fact]
    public void Parse_Invalid_Throws()
    {
        Should.Throw<FormatException>(() => CronSchedule.Parse("0 48 * * 1-5"));
    }

    [Fact]
    public void Expression_IsKeptAsWritten()
    {
        CronSchedule.Parse("0 13 * * 1-5").Expression.ShouldBe("0 13 * * 1-5");
    }

    private static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
