using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 11.3.1: the examples at now = 2021-08-30T18:00:00Z, a Monday.</summary>
public sealed class ScheduleWindowTests
{
    private static readonly DateTimeOffset Now = At("2021-08-30T18:00:00Z");

    [Theory]
    [InlineData("* * * * *", "2021-08-30T18:07:00Z")]
    [InlineData("7 18 * * *", "2021-08-30T18:07:00Z")]
    [InlineData("0 20 * * *", "2021-08-30T20:00:00Z")]   // exactly two hours ahead is still in
    [InlineData("0 19 30 * 1", "2021-08-30T19:00:00Z")]
    public void WithinTheWindow_TheUpgradeStartsAtTheNextSlot(string schedule, string nextRun)
    {
        var plan = PlanOne(Organization("org", [Policy("c", schedule: schedule)]), [Cluster("c", "4.16.1", "4.16.2")], Now);

        var decision = plan.Decision("c");
        decision.Reason.ShouldBe(Reason.Scheduled);
        decision.NextRun.ShouldBe(At(nextRun));
        plan.Actions.OfType<CreateUpgradePolicy>().Single().NextRun.ShouldBe(At(nextRun));
    }

    [Theory]
    [InlineData("6 18 * * *", "2021-08-31T18:06:00Z")]   // exactly now + 6 minutes is not strictly after
    [InlineData("5 18 * * *", "2021-08-31T18:05:00Z")]
    [InlineData("1 20 * * *", "2021-08-30T20:01:00Z")]
    [InlineData("0 13 * * 1-5", "2021-08-31T13:00:00Z")]
    [InlineData("0 19 1 * 1", "2021-11-01T19:00:00Z")]   // day-of-month AND day-of-week
    public void OutsideTheWindow_TheClusterIsSkipped(string schedule, string nextSlot)
    {
        var plan = PlanOne(Organization("org", [Policy("c", schedule: schedule)]), [Cluster("c", "4.16.1", "4.16.2")], Now);

        var decision = plan.Decision("c");
        decision.Decision.ShouldBe(Decision.Skip);
        decision.Reason.ShouldBe(Reason.OutsideWindow);
        decision.Detail.ShouldBe($"next slot {nextSlot} is beyond the 2-hour look-ahead");
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void OutsideTheWindow_DetailIsVerbatim()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", schedule: "0 13 * * 1-5")]),
            [Cluster("c", "4.16.1", "4.16.2")],
            At("2026-11-23T14:00:00Z"));

        plan.Decision("c").Detail.ShouldBe("next slot 2026-11-24T13:00:00Z is beyond the 2-hour look-ahead");
    }

    [Fact]
    public void AScheduleWithoutSlots_IsAlwaysOutsideTheWindow()
    {
        var plan = PlanOne(Organization("org", [Policy("c", schedule: "0 0 30 2 *")]), [Cluster("c", "4.16.1", "4.16.2")], Now);

        plan.Decision("c").Reason.ShouldBe(Reason.OutsideWindow);
        plan.Decision("c").Detail.ShouldBe("schedule '0 0 30 2 *' has no slot ahead");
    }

    [Fact]
    public void OutsideTheWindow_IsDecidedBeforeTheVersion()
    {
        // Even a cluster with nothing to upgrade to reports the window first.
        var plan = PlanOne(Organization("org", [Policy("c", schedule: "1 20 * * *")]), [Cluster("c", "4.16.1")], Now);

        plan.Decision("c").Reason.ShouldBe(Reason.OutsideWindow);
    }
}
