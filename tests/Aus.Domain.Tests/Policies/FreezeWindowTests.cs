using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Policies;

public sealed class FreezeWindowTests
{
    private static readonly FreezeWindow Weekends = FreezeWindow.Recurring("weekends", CronSchedule.Parse("0 18 * * 5"), TimeSpan.FromHours(62));

    [Theory]
    [InlineData("2026-11-27T17:59:00Z", null)]                      // Friday, before it opens
    [InlineData("2026-11-27T18:00:00Z", "2026-11-27T18:00:00Z")]    // opens (included)
    [InlineData("2026-11-29T12:00:00Z", "2026-11-27T18:00:00Z")]    // Sunday
    [InlineData("2026-11-30T07:59:00Z", "2026-11-27T18:00:00Z")]
    [InlineData("2026-11-30T08:00:00Z", null)]                      // Monday 08:00, closed (excluded)
    public void ARecurringFreeze_CoversEachOccurrenceFromItsSlotForItsDuration(string instant, string? opened)
    {
        var occurrence = Weekends.OccurrenceAt(At(instant));

        occurrence?.Start.ShouldBe(At(opened!));
        (occurrence is null).ShouldBe(opened is null);
        occurrence?.End.ShouldBe(At(opened!).AddHours(62));
    }

    [Theory]
    [InlineData("2026-12-19T23:59:59Z", false)]
    [InlineData("2026-12-20T00:00:00Z", true)]
    [InlineData("2027-01-03T23:59:59Z", true)]
    [InlineData("2027-01-04T00:00:00Z", false)]
    public void AFixedFreeze_IncludesItsStartAndExcludesItsEnd(string instant, bool frozen)
    {
        var freeze = FreezeWindow.Fixed("year-end", At("2026-12-20T00:00:00Z"), At("2027-01-04T00:00:00Z"));

        (freeze.OccurrenceAt(At(instant)) is not null).ShouldBe(frozen);
    }
}
