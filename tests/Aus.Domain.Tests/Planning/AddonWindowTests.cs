using System.Collections.Immutable;
using Aus.Domain.Planning;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 11.3.1 and 15.5: the add-on window is the first slot after now + 1 minute, at most 10 minutes ahead.</summary>
public sealed class AddonWindowTests
{
    // A Monday.
    private static readonly DateTimeOffset Now = At("2021-08-30T18:00:00Z");

    private static readonly Dictionary<string, string> Latest = new() { ["addon-a"] = "1.3.0" };

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("2 18 * * *")]
    [InlineData("10 18 * * *")]
    public void ASlotWithinTenMinutes_IsInTheWindow(string schedule)
    {
        var plan = Plan(schedule);

        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.Scheduled);
    }

    [Theory]
    [InlineData("11 18 * * *", "next slot 2021-08-30T18:11:00Z is beyond the 10-minute add-on window")]
    [InlineData("0 20 * * *", "next slot 2021-08-30T20:00:00Z is beyond the 10-minute add-on window")]
    [InlineData("0 13 * * 1-5", "next slot 2021-08-31T13:00:00Z is beyond the 10-minute add-on window")]
    public void ASlotLaterThanTenMinutes_IsOutsideTheWindow(string schedule, string detail)
    {
        var plan = Plan(schedule);

        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.OutsideWindow);
        plan.AddonDecision("c", "addon-a").Detail.ShouldBe(detail);
        plan.Actions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0 18 * * *")]
    [InlineData("1 18 * * *")]
    public void ASlotAtOrBeforeNowPlusOneMinute_IsSkipped(string schedule)
    {
        // The slot must come strictly after now + 1 minute; the next one is a day away.
        var plan = Plan(schedule);

        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.OutsideWindow);
    }

    [Fact]
    public void TheCreatedPolicyRunsSixMinutesAfterNow_NotAtTheSlot()
    {
        // "* * * * *" gives the slot 18:02, yet the add-on upgrade is asked for at now + 6 minutes.
        var plan = Plan("* * * * *");

        plan.AddonDecision("c", "addon-a").NextRun.ShouldBe(At("2021-08-30T18:06:00Z"));
        plan.Actions.OfType<CreateUpgradePolicy>().Single().NextRun.ShouldBe(At("2021-08-30T18:06:00Z"));
    }

    [Fact]
    public void TheClusterWindowStaysTwoHours()
    {
        // A slot 2 hours ahead lets the cluster upgrade but not its add-on.
        var cluster = Cluster("c", "4.16.1", "4.16.2") with { Addons = [Addon("addon-a", "1.2.0")] };

        var plan = PlanWithAddons(Organization("org", [Policy("c", schedule: "0 20 * * *")]), [cluster], Latest, Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Scheduled);
        plan.AddonDecision("c", "addon-a").Reason.ShouldBe(Reason.OutsideWindow);
    }

    private static OrganizationPlan Plan(string schedule) => PlanWithAddons(
        Organization("org", [Policy("c", schedule: schedule)]),
        [Cluster("c", "4.16.1") with { Addons = [Addon("addon-a", "1.2.0")] }],
        Latest,
        Now);
}
