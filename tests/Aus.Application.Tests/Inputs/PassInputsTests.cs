using System.Collections.Immutable;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Inputs;

/// <summary>Every command builds the planner's request the same way.</summary>
public sealed class PassInputsTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly OrganizationConfig OrgA = new(Organization("org-a", [Policy("a1")]));
    private static readonly OrganizationConfig OrgB = new(Organization("org-b", [Policy("b1")]));

    [Fact]
    public void TheHistoryOfEachOrganization_IsItsOwn_OrEmpty()
    {
        var history = History(Now, ("4.16.1", "wl", 2, ["a1"]));

        var inputs = PassInputs.Build([OrgA, OrgB], new FleetRead(FleetSnapshot.Empty), new Dictionary<string, VersionHistory> { ["org-a"] = history }, Now);

        inputs.Request.Organizations.Select(o => o.History).ShouldBe([history, VersionHistory.Empty]);
        inputs.WithoutHistory.ShouldBe([new OrganizationId("org-b")]);
        inputs.Request.Now.ShouldBe(Now);
    }

    [Fact]
    public void AnOrganizationTheFleetCouldNotRead_IsPlannedWithThatAsAValidationError()
    {
        var fleet = new FleetRead(FleetSnapshot.Empty) { Failures = ImmutableDictionary<OrganizationId, string>.Empty.Add(new OrganizationId("org-b"), "OCM answered 503") };

        var inputs = PassInputs.Build([OrgA, OrgB], fleet, new Dictionary<string, VersionHistory>(), Now);

        inputs.Request.Organizations[1].ValidationErrors.ShouldHaveSingleItem().Message.ShouldBe("reading the organization from OCM failed: OCM answered 503");
        inputs.Request.Organizations[0].ValidationErrors.ShouldBeEmpty();
        inputs.ReadFailures.Keys.ShouldBe([new OrganizationId("org-b")]);
    }
}
