using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Versions;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>reference-behaviour.md 11.8: y-stream channel switches.</summary>
public sealed class ChannelSwitchTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private const string OutsideWindow = "0 0 1 1 *";

    [Theory]
    [InlineData("stable-4.20", "stable-4.21")]
    [InlineData("fast-4.21", "fast-4.22")]
    [InlineData("candidate-4.9", "candidate-4.10")]
    [InlineData("eus-4.20", "eus-4.22")]
    [InlineData("eus-4.22", "eus-4.24")]
    [InlineData("eus-4.21", "eus-4.22")]
    [InlineData("stable", null)]
    [InlineData("stable-4.x", null)]
    [InlineData("stable-4.20.1", null)]
    [InlineData("stable-4", null)]
    [InlineData("4.20", null)]
    public void NextYStreamChannel(string channel, string? expected)
    {
        UpgradePass.NextYStreamChannel(channel).ShouldBe(expected);
    }

    private static OcmCluster OnChannel(string name, string version, string channel, string[] availableChannels, params string[] upgrades) =>
        Cluster(name, version, upgrades) with { Channel = new ChannelName(channel), AvailableChannels = [.. availableChannels.Select(c => new ChannelName(c))] };

    [Fact]
    public void OutsideTheWindow_TheChannelSwitches()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", schedule: OutsideWindow)]),
            [OnChannel("c", "4.20.3", "stable-4.20", ["stable-4.20", "stable-4.21"], "4.20.4")],
            Now);

        plan.Actions.ShouldBe([new SwitchChannel("c", new ClusterId("id-c"), new ChannelName("stable-4.20"), new ChannelName("stable-4.21"))]);
        plan.Decision("c").Reason.ShouldBe(Reason.OutsideWindow);
        plan.Decision("c").Detail.ShouldBe("next slot 2027-01-01T00:00:00Z is beyond the 2-hour look-ahead; switching channel stable-4.20 to stable-4.21");
    }

    [Fact]
    public void EusSkipsOddMinors()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", schedule: OutsideWindow)]),
            [OnChannel("c", "4.20.3", "eus-4.20", ["eus-4.20", "eus-4.21", "eus-4.22"])],
            Now);

        plan.Actions.ShouldBe([new SwitchChannel("c", new ClusterId("id-c"), new ChannelName("eus-4.20"), new ChannelName("eus-4.22"))]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("stable-4.20")]
    [InlineData("stable-4.22,fast-4.21")]
    public void TheTargetMustBeAnAvailableChannel(string channels)
    {
        var availableChannels = channels.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var plan = PlanOne(
            Organization("org", [Policy("c", schedule: OutsideWindow)]),
            [OnChannel("c", "4.20.3", "stable-4.20", availableChannels)],
            Now);

        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void NoUpgradeAvailable_TheChannelSwitches()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c")]),
            [OnChannel("c", "4.20.3", "stable-4.20", ["stable-4.21"])],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.NoUpgradesAvailable);
        plan.Actions.ShouldBe([new SwitchChannel("c", new ClusterId("id-c"), new ChannelName("stable-4.20"), new ChannelName("stable-4.21"))]);
    }

    [Fact]
    public void NoUpgradeableVersion_BecauseOfSoak_TheChannelSwitches()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", soakDays: 3)]),
            [OnChannel("c", "4.20.3", "stable-4.20", ["stable-4.21"], "4.20.4")],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Soaking);
        plan.Actions.OfType<SwitchChannel>().ShouldHaveSingleItem();
    }

    [Fact]
    public void BlockedVersionsDoNotPreventTheSwitch()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", blocked: ["^4\\.21\\..*$", "^4\\.20\\.4$"])]),
            [OnChannel("c", "4.20.3", "stable-4.20", ["stable-4.21"], "4.20.4")],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.Blocked);
        plan.Actions.ShouldBe([new SwitchChannel("c", new ClusterId("id-c"), new ChannelName("stable-4.20"), new ChannelName("stable-4.21"))]);
    }

    [Fact]
    public void OutsideTheWindow_TheSwitchHappensEvenWhenMutexesAreHeld()
    {
        var plan = PlanOne(
            Organization("org", [Policy("busy", mutexes: ["m"]), Policy("c", mutexes: ["m"], schedule: OutsideWindow)]),
            [Cluster("busy", "4.20.1") with { UpgradePolicies = [ExistingPolicy("4.20.2")] }, OnChannel("c", "4.20.3", "stable-4.20", ["stable-4.21"])],
            Now);

        plan.Actions.ShouldBe([new SwitchChannel("c", new ClusterId("id-c"), new ChannelName("stable-4.20"), new ChannelName("stable-4.21"))]);
    }

    [Fact]
    public void HeldForCapacity_NoSwitch()
    {
        var plan = PlanOne(
            Organization("org", [Policy("busy", mutexes: ["m"]), Policy("c", mutexes: ["m"])]),
            [Cluster("busy", "4.20.1") with { UpgradePolicies = [ExistingPolicy("4.20.2")] }, OnChannel("c", "4.20.3", "stable-4.20", ["stable-4.21"])],
            Now);

        plan.Decision("c").Reason.ShouldBe(Reason.MutexLocked);
        plan.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void HeldByAGate_NoSwitch()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c")]),
            [OnChannel("c", "4.20.3", "stable-4.21", ["stable-4.22"], "4.21.1")],
            Now,
            gates: [Gate("g", "4.21", "api.openshift.com/gate-ocp")]);

        plan.Decision("c").Reason.ShouldBe(Reason.VersionGate);
        plan.Actions.OfType<SwitchChannel>().ShouldBeEmpty();
    }

    [Fact]
    public void AfterAnUpgrade_NoSwitch()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c")]),
            [OnChannel("c", "4.20.3", "stable-4.20", ["stable-4.21"], "4.20.4")],
            Now);

        plan.Actions.ShouldBe([new CreateUpgradePolicy("c", new ClusterId("id-c"), UpgradePolicyKind.Cluster, OpenShiftVersion.Parse("4.20.4"), At("2026-11-23T12:07:00Z"))]);
    }

    [Fact]
    public void TheSwitchFollowsTheChannel_NotTheVersion()
    {
        var plan = PlanOne(
            Organization("org", [Policy("c", schedule: OutsideWindow)]),
            [OnChannel("c", "4.18.3", "stable-4.20", ["stable-4.19", "stable-4.21"])],
            Now);

        plan.Actions.ShouldBe([new SwitchChannel("c", new ClusterId("id-c"), new ChannelName("stable-4.20"), new ChannelName("stable-4.21"))]);
    }
}
