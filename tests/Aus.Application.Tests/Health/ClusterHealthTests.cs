using Aus.Application.Health;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Health;

/// <summary>How health answers land on clusters, and what they do to soak accrual (reference 12.3, 12.4).</summary>
public sealed class ClusterHealthTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly HealthCheck Enforced = new(HealthCheck.Telemeter, Enforced: true);

    private static readonly HealthCheck NotEnforced = new(HealthCheck.Telemeter, Enforced: false);

    private static OcmCluster Node(string name) => Cluster(name, "4.12.1");

    private static HealthAnswer Alerts(HealthCheck check, params (string Cluster, string Alert)[] alerts) =>
        new(check, alerts.GroupBy(a => "uuid-" + a.Cluster).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.Alert)]));

    [Fact]
    public void FiringAlerts_BecomeOneErrorEach_WithTheChecksEnforcement_SortedAndOnce()
    {
        var fleet = new FleetOrganization(new OrganizationId("org"), [Node("c1"), Node("c2")]);

        var applied = ClusterHealth.Apply(fleet, [Alerts(NotEnforced, ("c1", "KubeAPIDown"), ("c1", "EtcdDown"), ("c1", "KubeAPIDown"))]);

        applied.Clusters[0].HealthErrors.ShouldBe([
            new HealthError("telemeter", "EtcdDown", Enforce: false),
            new HealthError("telemeter", "KubeAPIDown", Enforce: false),
        ]);
        applied.Clusters[1].HealthErrors.ShouldBeEmpty();
    }

    [Fact]
    public void ErrorsFromTheFleetFile_AreKept()
    {
        var fromFile = new HealthError("file", "disk", Enforce: false);
        var fleet = new FleetOrganization(new OrganizationId("org"), [Node("c1") with { HealthErrors = [fromFile] }]);

        var applied = ClusterHealth.Apply(fleet, [Alerts(Enforced, ("c1", "EtcdDown"))]);

        applied.Clusters[0].HealthErrors.ShouldBe([fromFile, new HealthError("telemeter", "EtcdDown", Enforce: true)]);
    }

    [Fact]
    public void FailedProvider_MarksEveryClusterUnhealthy()
    {
        var fleet = new FleetOrganization(new OrganizationId("org"), [Node("c1"), Node("c2")]);

        var applied = ClusterHealth.Apply(fleet, [HealthAnswer.Failed(Enforced, "connection refused")]);

        applied.Clusters.ShouldAllBe(c => c.HealthErrors.Single() == new HealthError("telemeter", "the health provider did not answer: connection refused", true));
    }

    // The matrix of reference-behaviour.md 12.4, from provider answers to the check-in: three
    // clusters on one version, two run workload1 and one workload2, 21 and 6 days before, one day passes.
    [Theory]
    [InlineData(new string[0], true, 23, 7)]
    [InlineData(new[] { "c1", "c2", "c3" }, false, 23, 7)]
    [InlineData(new[] { "c1", "c3" }, true, 22, 6)]
    [InlineData(new[] { "c1", "c2", "c3" }, true, 21, 6)]
    public void OnlyEnforcedAlerts_StopAccrual(string[] firing, bool enforced, double workload1, double workload2)
    {
        var checkedIn = CheckInAfterOneDay(Alerts(enforced ? Enforced : NotEnforced, [.. firing.Select(c => (c, "KubeAPIDown"))]));

        checkedIn.SoakDays("4.12.1", new Workload("workload1")).ShouldBe(workload1, tolerance: 1e-9);
        checkedIn.SoakDays("4.12.1", new Workload("workload2")).ShouldBe(workload2, tolerance: 1e-9);
    }

    [Fact]
    public void FailedEnforcedProvider_StopsTheWholeOrganizationsAccrual()
    {
        var checkedIn = CheckInAfterOneDay(HealthAnswer.Failed(Enforced, "timeout"));

        checkedIn.SoakDays("4.12.1", new Workload("workload1")).ShouldBe(21, tolerance: 1e-9);
        checkedIn.SoakDays("4.12.1", new Workload("workload2")).ShouldBe(6, tolerance: 1e-9);
    }

    [Fact]
    public void FailedProviderThatIsNotEnforced_LetsDaysAccrue()
    {
        var checkedIn = CheckInAfterOneDay(HealthAnswer.Failed(NotEnforced, "timeout"));

        checkedIn.SoakDays("4.12.1", new Workload("workload1")).ShouldBe(23, tolerance: 1e-9);
    }

    /// <summary>The 12.4 organization checked in one day after 21 (workload1) and 6 (workload2) days, with the answer applied.</summary>
    internal static VersionHistory CheckInAfterOneDay(HealthAnswer answer)
    {
        var history = History(Now.AddDays(-1), ("4.12.1", "workload1", 21, ["c1", "c2"]), ("4.12.1", "workload2", 6, ["c3"]));
        ClusterPolicy[] policies =
        [
            Policy("c1", workloads: ["workload1"]),
            Policy("c2", workloads: ["workload1"]),
            Policy("c3", workloads: ["workload2"]),
        ];
        var organization = Organization("org", policies);
        var fleet = ClusterHealth.Apply(new FleetOrganization(new OrganizationId("org"), [Node("c1"), Node("c2"), Node("c3")]), [answer]);
        var specs = policies.Select((p, i) => new UpgradeSpec(organization, p, fleet.Clusters[i])).ToList();
        return SoakLedger.CheckIn(history, specs, Now);
    }
}
