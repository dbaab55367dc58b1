using Aus.Application.Tests.Fakes;
using Aus.Domain.Planning;

namespace Aus.Application.Tests.Reconcile;

/// <summary>An organization carrying a rejected policy edit acts on its last valid policy and reports the edit's errors.</summary>
public sealed class RejectedEditTests
{
    [Fact]
    public async Task TheLastValidPolicyActs_AndTheEditsErrorsAreReportedAndSent()
    {
        var world = new PassWorld().Org("org-a", c => c with { RejectedEdit = [new OrganizationMessage("org-a-c1", "workload other is not allowed")] });

        var outcome = (await world.RunAsync()).Organizations.Single();

        outcome.Results.ShouldHaveSingleItem("the last valid policy still plans and acts");
        outcome.RejectedEdit.ShouldHaveSingleItem().Message.ShouldBe("workload other is not allowed");
        outcome.Failed.ShouldBeTrue("the pass reports the rejected edit");
        outcome.ServiceLogsSent.ShouldBe(1);
        world.ServiceLogs.Posted.ShouldHaveSingleItem().Log.Description.ShouldBe("- workload other is not allowed");
    }
}
