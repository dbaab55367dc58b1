using Aus.Application.Reconcile;
using Aus.Application.Tests.Fakes;

namespace Aus.Application.Tests.Reconcile;

/// <summary>Validation errors reach cluster owners as service logs, the same log at most once a day.</summary>
public sealed class FeedbackTests
{
    private static PassWorld Broken() =>
        new PassWorld().Org("org-a", c => PassWorld.WithClusterError(c, "org-a-c1", "soakDays must not be negative"));

    [Fact]
    public async Task AClusterWithErrors_GetsOneLogWithItsMessages()
    {
        var world = Broken();

        var report = await world.RunAsync();

        report.Organizations.Single().ServiceLogsSent.ShouldBe(1);
        var (log, _) = world.ServiceLogs.Posted.ShouldHaveSingleItem();
        (log.ClusterUuid, log.Summary, log.Description).ShouldBe(("uuid-org-a-c1", ValidationFeedback.ClusterSummary, "- soakDays must not be negative"));
        world.Store.ServiceLogs.ShouldHaveSingleItem().Log.ShouldBe(log);
    }

    [Fact]
    public async Task TheSameLog_IsNotSentAgainWithinADay_ButIsTheDayAfter()
    {
        var world = Broken();
        await world.RunAsync();

        (await world.RunAsync(now: PassWorld.Now.AddHours(23))).Organizations.Single().ServiceLogsSent.ShouldBe(0);
        var dayLater = PassWorld.Now.AddDays(1).AddMinutes(5);
        world.ServiceLogs.Clock = dayLater;
        (await world.RunAsync(now: dayLater)).Organizations.Single().ServiceLogsSent.ShouldBe(1);
        world.ServiceLogs.Posted.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ALogTheStoreDoesNotKnow_IsFoundInTheServiceLog_AndRemembered()
    {
        var world = Broken();
        await world.RunAsync();
        world.Store.ServiceLogs.Clear();

        (await world.RunAsync(now: PassWorld.Now.AddHours(2))).Organizations.Single().ServiceLogsSent.ShouldBe(0);

        world.ServiceLogs.Posted.ShouldHaveSingleItem();
        world.Store.ServiceLogs.ShouldHaveSingleItem().SentAt.ShouldBe(PassWorld.Now, "remembered with the time it was really sent");
    }

    [Fact]
    public async Task AnOrganizationError_GoesToEveryValidCluster()
    {
        var world = new PassWorld().Org("org-a", c => c with { Errors = [new Domain.Planning.OrganizationMessage(null, "inheritVersionData names the organization itself")] });

        await world.RunAsync();

        var (log, _) = world.ServiceLogs.Posted.ShouldHaveSingleItem();
        (log.ClusterUuid, log.Summary).ShouldBe(("uuid-org-a-c1", ValidationFeedback.OrganizationSummary));
    }

    [Fact]
    public async Task AValidOrganization_SendsNothing()
    {
        var world = new PassWorld().Org("org-a");

        await world.RunAsync();

        world.ServiceLogs.Posted.ShouldBeEmpty();
        world.ServiceLogs.Searches.ShouldBe(0);
    }
}
