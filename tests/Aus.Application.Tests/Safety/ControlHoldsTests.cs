using Aus.Application.Safety;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Tests.Safety;

public sealed class ControlHoldsTests
{
    private static ClusterDecision Decided(string name, Reason reason, string? addon = null) =>
        new() { Name = name, Addon = addon, Decision = Decision.Skip, Reason = reason, Detail = string.Empty };

    private static readonly OrganizationPlan Plan = new()
    {
        OrgId = new OrganizationId("org"),
        Name = "org",
        Clusters =
        [
            Decided("paused", Reason.Paused),
            Decided("soaking", Reason.Soaking),
            Decided("frozen", Reason.Frozen),
            Decided("waiting", Reason.AwaitingApproval),
            Decided("halted", Reason.VersionHalted),
            Decided("paused", Reason.Paused, addon: "logging"),
        ],
    };

    [Fact]
    public void TheClustersAControlHolds_AreThoseDecidedForAControlsReason_InPlanningOrder_WithoutAddons()
    {
        ControlHolds.Of(Plan).Select(d => d.Name).ShouldBe(["paused", "frozen", "waiting", "halted"]);
    }

    [Fact]
    public void AnOrganizationWithoutControls_HasNoneHeld()
    {
        ControlHolds.Of(Plan with { Clusters = [Decided("soaking", Reason.Soaking)] }).ShouldBeEmpty();
    }

    [Fact]
    public void HeldClusters_AreCountedPerReason()
    {
        ControlHolds.Reasons.Select(r => ControlHolds.Count(Plan, r)).ShouldBe([1, 1, 1, 1]);
        ControlHolds.Count(Plan, Reason.Soaking).ShouldBe(0);
    }
}
