using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>The plan's messages name the OCM id of their cluster, so nothing after the planner matches names against the fleet.</summary>
public sealed class MessageClusterIdTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    [Fact]
    public void AValidationError_GetsTheIdOfTheClusterItNames_AndNoneWhenOcmDoesNotKnowIt()
    {
        var input = Input(Organization("org", [Policy("a")]), errors: [new OrganizationMessage("a", "bad"), new OrganizationMessage("gone", "bad too"), new OrganizationMessage(null, "org-wide")]);

        var plan = PlanMany([input], Build.Fleet("org", [Cluster("a", "4.16.1")]), Now).Organizations.Single();

        plan.Errors.Select(e => e.ClusterId).ShouldBe([new ClusterId("id-a"), null, null]);
    }

    [Fact]
    public void AWarningFromTheFile_GetsTheIdOfItsCluster()
    {
        var input = Input(Organization("org", [Policy("a")])) with { Warnings = [new OrganizationMessage("a", "deprecated field")] };

        var plan = PlanMany([input], Build.Fleet("org", [Cluster("a", "4.16.1")]), Now).Organizations.Single();

        plan.Warnings.ShouldHaveSingleItem().ClusterId.ShouldBe(new ClusterId("id-a"));
    }

    [Fact]
    public void ARejectedEdit_IsCarriedToThePlanWithClusterIds_AndDoesNotStopPlanning()
    {
        var input = Input(Organization("org", [Policy("a")])) with { RejectedEdit = [new OrganizationMessage("a", "workload other is not allowed")] };

        var plan = PlanMany([input], Build.Fleet("org", [Cluster("a", "4.16.1", "4.16.2")]), Now).Organizations.Single();

        plan.RejectedEdit.ShouldBe([new OrganizationMessage("a", "workload other is not allowed") { ClusterId = new ClusterId("id-a") }]);
        plan.Errors.ShouldBeEmpty();
        plan.Actions.ShouldNotBeEmpty("the last valid policy still plans");
    }

    [Fact]
    public void ARejectedEdit_OfAnInvalidOrganization_IsCarriedToo()
    {
        var input = Input(Organization("org", [Policy("a")]), errors: [new OrganizationMessage(null, "org-wide")]) with { RejectedEdit = [new OrganizationMessage("a", "edit")] };

        var plan = PlanMany([input], Build.Fleet("org", [Cluster("a", "4.16.1")]), Now).Organizations.Single();

        plan.RejectedEdit.ShouldHaveSingleItem().ClusterId.ShouldBe(new ClusterId("id-a"));
    }
}
