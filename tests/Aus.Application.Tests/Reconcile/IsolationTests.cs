using Aus.Application.Ports;
using Aus.Application.Tests.Fakes;
using Aus.Domain.Planning;

namespace Aus.Application.Tests.Reconcile;

/// <summary>Whatever goes wrong in one organization fails that organization only; the pass goes on with the others.</summary>
public sealed class IsolationTests
{
    [Fact]
    public async Task AHealthyPass_AppliesTheUpgrade_AndCommitsHistoryAndAudit()
    {
        var world = new PassWorld().Org("org-a");

        var report = await world.RunAsync();

        var outcome = report.Organizations.ShouldHaveSingleItem();
        outcome.Failed.ShouldBeFalse();
        outcome.Results.ShouldHaveSingleItem().Action.ShouldBeOfType<CreateUpgradePolicy>().Version.ToString().ShouldBe("4.16.2");
        world.Store.Commits.ShouldBe([PassWorld.Key("org-a")]);
        var audit = world.Store.Audit.ShouldHaveSingleItem();
        (audit.Action, audit.Version, audit.Outcome, audit.OperationId).ShouldBe(("create-upgrade-policy", "4.16.2", AuditOutcome.Succeeded, "op-org-a-c1"));
        world.Store.Histories[PassWorld.Key("org-a")].CheckIn.ShouldBe(PassWorld.Now);
    }

    [Fact]
    public async Task AnUnreadableHistory_FailsThatOrganizationOnly()
    {
        var world = new PassWorld().Org("org-a").Org("org-b");
        world.Store.UnreadableHistories.Add("org-a");

        var report = await world.RunAsync();

        Outcome(report, "org-a").Failure.ShouldBe("reading its history failed: the history of production/org-a is not valid JSON");
        Outcome(report, "org-a").Results.ShouldBeEmpty();
        Outcome(report, "org-b").Failed.ShouldBeFalse();
        world.Actions.Applied.Select(a => a.Cluster).ShouldBe(["org-b-c1"]);
        world.Store.Commits.ShouldBe([PassWorld.Key("org-b")]);
    }

    [Fact]
    public async Task AnOrganizationTheFleetCannotRead_FailsAlone()
    {
        var world = new PassWorld().Org("org-a").Org("org-b");
        world.Fleet.Failing("org-a", "OCM answered 503");

        var report = await world.RunAsync();

        Outcome(report, "org-a").Failure.ShouldBe("OCM answered 503");
        Outcome(report, "org-b").Failed.ShouldBeFalse();
        world.Actions.Applied.Select(a => a.Cluster).ShouldBe(["org-b-c1"]);
    }

    [Fact]
    public async Task AnUnexpectedExceptionWhileActing_FailsThatOrganizationOnly()
    {
        var world = new PassWorld().Org("org-a").Org("org-b");
        world.Actions.Throwing.Add("org-a-c1");

        var report = await world.RunAsync();

        Outcome(report, "org-a").Failure.ShouldBe("the sink broke on org-a-c1");
        Outcome(report, "org-a").Plan.ShouldNotBeNull("the plan is still reported");
        Outcome(report, "org-b").Failed.ShouldBeFalse();
        world.Store.Commits.ShouldBe([PassWorld.Key("org-b")], "the failed organization's history is not checked in");
    }

    [Fact]
    public async Task AFailingCommit_FailsThatOrganizationOnly()
    {
        var world = new PassWorld().Org("org-a").Org("org-b");
        world.Store.FailingCommits.Add("org-a");

        var report = await world.RunAsync();

        Outcome(report, "org-a").Failure.ShouldBe("the database is read only");
        Outcome(report, "org-a").Results.ShouldHaveSingleItem("what was applied is still reported");
        Outcome(report, "org-b").Failed.ShouldBeFalse();
    }

    [Fact]
    public async Task AFleetOutage_FailsEveryOrganization_AndWritesNothing()
    {
        var world = new PassWorld().Org("org-a").Org("org-b");
        world.Fleet.Outage = new HttpRequestException("connection refused");

        var report = await world.RunAsync();

        report.Failure.ShouldBe("reading the fleet failed: connection refused");
        report.Organizations.ShouldAllBe(o => o.Failure == "reading the fleet failed: connection refused");
        world.Store.Writes.ShouldBe(0);
        world.Actions.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancellation_EndsThePass_InsteadOfFailingAnOrganization()
    {
        var world = new PassWorld().Org("org-a");
        using var cancelled = new CancellationTokenSource();
        world.Fleet.Outage = new OperationCanceledException(cancelled.Token);
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => world.RunAsync(cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task ATimeoutThatIsNoCancellation_IsAnOrganizationFailure()
    {
        var world = new PassWorld().Org("org-a");
        world.Fleet.Outage = new TaskCanceledException("the request timed out");

        var report = await world.RunAsync();

        report.Organizations.ShouldHaveSingleItem().Failure.ShouldBe("reading the fleet failed: the request timed out");
    }

    private static Application.Reconcile.OrganizationOutcome Outcome(Application.Reconcile.PassReport report, string orgId) =>
        report.Organizations.Single(o => o.OrgId.Value == orgId);
}
