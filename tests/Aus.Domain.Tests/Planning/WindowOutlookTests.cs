using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>The window seen from outside a pass agrees with what a pass decides.</summary>
public sealed class WindowOutlookTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Theory]
    [InlineData("0 13 * * *", true)]
    [InlineData("0 14 * * *", true)]
    [InlineData("5 14 * * *", false)]
    [InlineData("3 12 * * *", false)]
    [InlineData("0 0 1 1 *", false)]
    public void In_the_window_exactly_when_a_pass_says_so(string schedule, bool inWindow)
    {
        var policy = Policy("c", schedule: schedule);
        var plan = PlanOne(Organization("org", [policy]), [Cluster("c", "4.20.3")], Now);

        WindowOutlook.IsInWindow(policy.Schedule, Now).ShouldBe(inWindow);
        (plan.Decision("c").Reason == Reason.OutsideWindow).ShouldBe(!inWindow);
    }

    [Theory]
    [InlineData("0 0 1 1 *")]
    [InlineData("5 14 * * *")]
    public void Outside_its_window_a_cluster_gets_the_skip_a_pass_gives_it(string schedule)
    {
        var policy = Policy("c", schedule: schedule);
        var cluster = Cluster("c", "4.20.3", "4.20.4") with { Channel = new ChannelName("stable-4.20"), AvailableChannels = [new ChannelName("stable-4.20"), new ChannelName("fast-4.20")] };
        var plan = PlanOne(Organization("org", [policy]), [cluster], Now);

        plan.Actions.ShouldBeEmpty();
        WindowOutlook.OnlySkipsOutsideWindow(cluster).ShouldBeTrue();
        WindowOutlook.OutsideWindowDetail(policy.Schedule, Now).ShouldBe(plan.Decision("c").Detail);
    }

    [Fact]
    public void Not_only_a_skip_when_the_cluster_would_switch_channels_there()
    {
        var policy = Policy("c", schedule: "0 0 1 1 *");
        var cluster = Cluster("c", "4.20.3") with { Channel = new ChannelName("stable-4.20"), AvailableChannels = [new ChannelName("stable-4.20"), new ChannelName("stable-4.21")] };

        PlanOne(Organization("org", [policy]), [cluster], Now).Actions.ShouldHaveSingleItem().ShouldBeOfType<SwitchChannel>();
        WindowOutlook.OnlySkipsOutsideWindow(cluster).ShouldBeFalse();
    }

    [Fact]
    public void Not_only_a_skip_when_the_cluster_has_an_upgrade_policy()
    {
        var policy = Policy("c", schedule: "0 0 1 1 *");
        var upgrading = Cluster("c", "4.20.3", "4.20.4") with { UpgradePolicies = [ExistingPolicy("4.20.4")] };

        PlanOne(Organization("org", [policy]), [upgrading], Now).Decision("c").Reason.ShouldBe(Reason.UpgradeInProgress);
        WindowOutlook.OnlySkipsOutsideWindow(upgrading).ShouldBeFalse();
    }
}
