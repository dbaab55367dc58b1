using Aus.Application.Health;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Integrations.Health;
using static Aus.TestKit.Build;

namespace Aus.Integrations.Tests.Health;

/// <summary>The telemeter provider against a real Prometheus holding telemeter-shaped series.</summary>
[Collection(PrometheusCollection.Name)]
public sealed class TelemeterHealthProviderTests(PrometheusServer prometheus) : IDisposable
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => client.Dispose();

    private TelemeterHealthProvider Provider() => new(client, new PrometheusEndpoint(prometheus.Url, BearerToken: null));

    [Fact]
    public async Task Query_ReturnsTheFiringCriticalAlertsOfTheOrganizationsClusters_ByExternalId()
    {
        var problems = await Provider().QueryAsync(new OrganizationId("org-some"), CancellationToken.None);

        problems.Keys.Order(StringComparer.Ordinal).ShouldBe(["uuid-s1", "uuid-s3"]);
        problems["uuid-s1"].Order(StringComparer.Ordinal).ShouldBe(["EtcdNoLeader", "KubeAPIDown"]);
        problems["uuid-s3"].ShouldBe(["ClusterOperatorDown"]);
    }

    [Fact]
    public async Task Query_LeavesOutWarningsPendingAlertsAndOtherOrganizations()
    {
        (await Provider().QueryAsync(new OrganizationId("org-healthy"), CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Query_OfAnUnknownOrganization_IsEmpty()
    {
        (await Provider().QueryAsync(new OrganizationId("org-\"unknown\""), CancellationToken.None)).ShouldBeEmpty();
    }

    // The matrix of reference-behaviour.md 12.4 at the check-in, with health from Prometheus: three
    // clusters on one version, two run workload1 and one workload2, 21 and 6 days before, one day passes.
    [Theory]
    [InlineData("org-healthy", true, 23, 7)]
    [InlineData("org-all", false, 23, 7)]
    [InlineData("org-some", true, 22, 6)]
    [InlineData("org-all", true, 21, 6)]
    public async Task HealthFromPrometheus_ChangesSoakAccrual_AsTheReferenceDoes(string organizationId, bool enforced, double workload1, double workload2)
    {
        var checkedIn = await CheckInAfterOneDayAsync(organizationId, enforced, Provider());

        checkedIn.SoakDays("4.12.1", new Workload("workload1")).ShouldBe(workload1, tolerance: 1e-9);
        checkedIn.SoakDays("4.12.1", new Workload("workload2")).ShouldBe(workload2, tolerance: 1e-9);
    }

    [Fact]
    public async Task UnreachablePrometheus_WithAnEnforcedCheck_StopsTheOrganizationsAccrual()
    {
        // The discard port: nothing listens on it here, so the connection is refused.
        var gone = new TelemeterHealthProvider(client, new PrometheusEndpoint(new Uri("http://127.0.0.1:9/"), null));

        var checkedIn = await CheckInAfterOneDayAsync("org-healthy", enforced: true, gone);

        checkedIn.SoakDays("4.12.1", new Workload("workload1")).ShouldBe(21, tolerance: 1e-9);
        checkedIn.SoakDays("4.12.1", new Workload("workload2")).ShouldBe(6, tolerance: 1e-9);
    }

    /// <summary>
    /// The organization's clusters (external ids uuid-X1..X3 after its name), checked for health and
    /// checked in one day after 21 days of workload1 (clusters 1 and 2) and 6 of workload2 (cluster 3).
    /// </summary>
    private static async Task<VersionHistory> CheckInAfterOneDayAsync(string organizationId, bool enforced, IClusterHealthProvider provider)
    {
        var prefix = "uuid-" + organizationId["org-".Length];
        ClusterPolicy[] policies =
        [
            Policy("c1", workloads: ["workload1"]),
            Policy("c2", workloads: ["workload1"]),
            Policy("c3", workloads: ["workload2"]),
        ];
        var organization = Organization(organizationId, policies) with { HealthChecks = [new HealthCheck(HealthCheck.Telemeter, enforced)] };
        var fleet = new FleetOrganization(
            new OrganizationId(organizationId),
            [.. policies.Select((p, i) => Cluster(p.Name, "4.12.1") with { ExternalId = prefix + (i + 1) })]);

        var health = await new ClusterHealthChecker([provider]).CheckAsync(organization, fleet, CancellationToken.None);

        var history = History(Now.AddDays(-1), ("4.12.1", "workload1", 21, ["c1", "c2"]), ("4.12.1", "workload2", 6, ["c3"]));
        var specs = policies.Select((p, i) => new UpgradeSpec(organization, p, health.Fleet.Clusters[i])).ToList();
        return SoakLedger.CheckIn(history, specs, Now);
    }
}
