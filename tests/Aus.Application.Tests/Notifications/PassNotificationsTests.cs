using Aus.Application.Notifications;
using Aus.Application.Ports;
using Aus.Application.Reconcile;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Notifications;

public sealed class PassNotificationsTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly OrganizationPlan Plan = new()
    {
        OrgId = new OrganizationId("org-1"),
        Name = "my-org",
        Clusters = [new ClusterDecision { Name = "c1", ClusterId = new ClusterId("id-c1"), Decision = Decision.Upgrade, Reason = Reason.Scheduled, Detail = "" }],
    };

    private static CreateUpgradePolicy Create(UpgradePolicyKind kind = UpgradePolicyKind.Cluster) =>
        new("c1", new ClusterId("id-c1"), kind, V("4.16.3"), Now.AddMinutes(7)) { Addon = kind == UpgradePolicyKind.Addon ? "addon-a" : null };

    private static OrganizationOutcome Processed(params ActionResult[] results) => new(new OrganizationId("org-1"), "my-org", new EnvironmentName("production"))
    {
        Plan = Plan,
        Fleet = new FleetOrganization(new OrganizationId("org-1"), [Cluster("c1", "4.16.2")]),
        Results = [.. results],
    };

    private static IReadOnlyList<Notification> Of(params OrganizationOutcome[] outcomes) =>
        PassNotifications.Of(new PassReport(Now, [.. outcomes], TimeSpan.Zero));

    private static int Scheduled(IReadOnlyList<Notification> notifications) => notifications.Count(n => n.Event == NotificationEvent.UpgradeScheduled);

    [Fact]
    public void APolicyOcmAccepted_IsScheduled_OneThatFailedOrWasRefusedIsNot()
    {
        Scheduled(Of(Processed(new ActionResult(Create(), ActionOutcome.Applied)))).ShouldBe(1);
        Scheduled(Of(Processed(new ActionResult(Create(), ActionOutcome.AlreadyPresent)))).ShouldBe(1);
        Scheduled(Of(Processed(new ActionResult(Create(), ActionOutcome.Failed)))).ShouldBe(0);
        Scheduled(Of(Processed(new ActionResult(Create(), ActionOutcome.Refused)))).ShouldBe(0);
        Scheduled(Of(Processed(new ActionResult(Create(), ActionOutcome.DryRun)))).ShouldBe(0);
    }

    [Fact]
    public void AddOnPolicies_AreNotAnnounced()
    {
        Scheduled(Of(Processed(new ActionResult(Create(UpgradePolicyKind.Addon), ActionOutcome.Applied)))).ShouldBe(0);
    }

    [Fact]
    public void OrganizationsLeftToAnotherReplica_OrNotPlanned_ProduceNothing()
    {
        var applied = new ActionResult(Create(), ActionOutcome.Applied);

        Of(Processed(applied) with { HeldElsewhere = true }).ShouldBeEmpty();
        Of(Processed(applied) with { AlreadyProcessed = true }).ShouldBeEmpty();
        Of(Processed(applied) with { Plan = null, Failure = "reading the fleet failed" }).ShouldBeEmpty();
    }

    [Fact]
    public void VersionsHaltedInThePass_AreAnnounced_WithTheOrganizationsEnvironment()
    {
        var halted = Of(Processed() with { HaltedVersions = ["4.16.3"] }).Single(n => n.Event == NotificationEvent.VersionHalted);

        halted.Environment.Value.ShouldBe("production");
        halted.Version.ShouldBe("4.16.3");
    }
}
