using Aus.Application.Notifications;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Versions;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Notifications;

public sealed class NotificationPlannerTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static OrganizationPlan Plan(string[] clusters, params OrganizationMessage[] errors) => new()
    {
        OrgId = new OrganizationId("org-1"),
        Name = "my-org",
        Errors = [.. errors],
        Clusters = [.. clusters.Select(c => new ClusterDecision { Name = c, ClusterId = new ClusterId("id-" + c), Decision = Decision.Skip, Reason = Reason.NoUpgradesAvailable, Detail = "" })],
    };

    private static IReadOnlyList<Notification> Of(OrganizationPlan plan, IEnumerable<OcmCluster> clusters, params CreateUpgradePolicy[] created) =>
        NotificationPlanner.NotificationsOf(new NotificationInput(new EnvironmentName("production"), plan, new FleetOrganization(new OrganizationId("org-1"), [.. clusters]), created, Now));

    private static ExistingUpgradePolicy PolicyIn(string id, string version, UpgradePolicyState state) =>
        ExistingPolicy(version, state, Now.AddHours(-1)) with { Id = id };

    [Fact]
    public void CreatedPolicy_IsUpgradeScheduled_KeyedByWhatItUpgradesAndWhen()
    {
        var created = new CreateUpgradePolicy("c1", new ClusterId("id-c1"), UpgradePolicyKind.Cluster, OpenShiftVersion.Parse("4.16.3"), Now.AddMinutes(7));

        var scheduled = Of(Plan(["c1"]), [Cluster("c1", "4.16.2")], created).Single(n => n.Event == NotificationEvent.UpgradeScheduled);

        scheduled.Cluster.ShouldBe("c1");
        scheduled.ClusterExternalId.ShouldBe("uuid-c1");
        scheduled.Version.ShouldBe("4.16.3");
        scheduled.NextRun.ShouldBe(Now.AddMinutes(7));
        scheduled.Key.ShouldBe(new NotificationKey(new EnvironmentName("production"), new OrganizationId("org-1"), "c1", "upgrade-scheduled", "4.16.3", "Cluster::2026-11-23T12:07:00Z"));
    }

    [Fact]
    public void StartedAndFailedPolicies_InOcm_AreUpgradeStartedAndUpgradeFailed_KeyedByPolicy()
    {
        var cluster = Cluster("c1", "4.16.2") with
        {
            UpgradePolicies = [PolicyIn("p-1", "4.16.3", UpgradePolicyState.Started), PolicyIn("p-2", "4.16.4", UpgradePolicyState.Failed), PolicyIn("p-3", "4.16.5", UpgradePolicyState.Scheduled)],
        };

        var notifications = Of(Plan(["c1"]), [cluster]);

        notifications.Where(n => n.Event is NotificationEvent.UpgradeStarted or NotificationEvent.UpgradeFailed)
            .Select(n => (n.Event, n.PolicyId, n.Version, n.Key.Detail))
            .ShouldBe([(NotificationEvent.UpgradeStarted, "p-1", "4.16.3", "p-1"), (NotificationEvent.UpgradeFailed, "p-2", "4.16.4", "p-2")]);
    }

    [Fact]
    public void EveryPlannedCluster_HasAnUpgradeCompletedCandidate_ForTheVersionItRuns()
    {
        var notifications = Of(Plan(["c1", "c2"]), [Cluster("c1", "4.16.2"), Cluster("c2", "4.16.3"), Cluster("not-in-policy", "4.16.3")]);

        notifications.Where(n => n.Event == NotificationEvent.UpgradeCompleted).Select(n => (n.Cluster, n.Version))
            .ShouldBe([("c1", "4.16.2"), ("c2", "4.16.3")]);
    }

    [Fact]
    public void TheFleetsClusters_AreMatchedToThePlanByTheirOcmId_NotByName()
    {
        var renamed = Cluster("c1", "4.16.2") with { Id = new ClusterId("id-another") };

        var notifications = Of(Plan(["c1"]), [renamed]);

        notifications.ShouldNotContain(n => n.Event == NotificationEvent.UpgradeCompleted);
    }

    [Fact]
    public void ClustersOutsideThePolicy_GetNothing()
    {
        var stranger = Cluster("stranger", "4.16.2") with { UpgradePolicies = [PolicyIn("p-9", "4.16.3", UpgradePolicyState.Started)] };

        Of(Plan(["c1"]), [stranger]).ShouldBeEmpty();
    }

    [Fact]
    public void ValidationErrors_AreOneNotification_WhoseKeyIsTheSameInAnyOrder_AndNewWhenTheyChange()
    {
        OrganizationMessage a = new("c1", "schedule: bad"), b = new(null, "sector x: unknown"), c = new(null, "something else");

        var first = Of(Plan([], a, b), []).Single();
        var reordered = Of(Plan([], b, a), []).Single();
        var changed = Of(Plan([], a, b, c), []).Single();

        first.Event.ShouldBe(NotificationEvent.ValidationErrors);
        first.Cluster.ShouldBeNull();
        first.Errors.ShouldBe(["c1: schedule: bad", "sector x: unknown"]);
        reordered.Key.ShouldBe(first.Key);
        changed.Key.ShouldNotBe(first.Key);
    }

    [Fact]
    public void NoErrors_NoValidationNotification()
    {
        Of(Plan(["c1"]), [Cluster("c1", "4.16.2")]).ShouldNotContain(n => n.Event == NotificationEvent.ValidationErrors);
    }

    [Fact]
    public void AVersionHaltedInThePass_IsVersionHalted_ForTheOrganization_KeyedByThePassTime()
    {
        var input = new NotificationInput(new EnvironmentName("production"), Plan(["c1"]), new FleetOrganization(new OrganizationId("org-1"), [Cluster("c1", "4.16.2")]), [], Now)
        {
            HaltedVersions = ["4.16.3"],
        };

        var halted = NotificationPlanner.NotificationsOf(input).Single(n => n.Event == NotificationEvent.VersionHalted);

        halted.Cluster.ShouldBeNull();
        halted.Version.ShouldBe("4.16.3");
        halted.OrganizationName.ShouldBe("my-org");
        halted.Key.ShouldBe(new NotificationKey(new EnvironmentName("production"), new OrganizationId("org-1"), "", "version-halted", "4.16.3", "2026-11-23T12:00:00Z"));
    }

    [Fact]
    public void NoHalt_NoVersionHaltedNotification()
    {
        Of(Plan(["c1"]), [Cluster("c1", "4.16.2")]).ShouldNotContain(n => n.Event == NotificationEvent.VersionHalted);
    }

    [Theory]
    [InlineData(NotificationEvent.UpgradeScheduled, "upgrade-scheduled")]
    [InlineData(NotificationEvent.UpgradeStarted, "upgrade-started")]
    [InlineData(NotificationEvent.UpgradeCompleted, "upgrade-completed")]
    [InlineData(NotificationEvent.UpgradeFailed, "upgrade-failed")]
    [InlineData(NotificationEvent.ValidationErrors, "validation-errors")]
    [InlineData(NotificationEvent.VersionHalted, "version-halted")]
    public void EventNames(NotificationEvent kind, string name) => kind.Name().ShouldBe(name);
}
