using System.Net;
using Aus.Domain.Fleet;
using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Fleet;

/// <summary>What the simulator cannot serve: versions OCM should never send, and failing state reads.</summary>
public sealed class FleetReaderTests
{
    private static FakeOcmHandler Ocm(string clustersOfOrgB)
    {
        return new FakeOcmHandler()
            .On("GET", "/api/clusters_mgmt/v1/version_gates", _ => FakeOcmHandler.Page(1, 1, """{"id":"gate-bad","version_raw_id_prefix":"four","label":"api.openshift.com/gate-ocp"}"""))
            .On("GET", "/api/accounts_mgmt/v1/subscriptions", r => r["search"]!.Contains("org-a", StringComparison.Ordinal)
                ? FakeOcmHandler.Page(1, 1, """{"id":"sa","organization_id":"org-a","labels":[{"key":"k","value":"v"}]}""")
                : FakeOcmHandler.Page(1, 1, """{"id":"sb","organization_id":"org-b"}"""))
            .On("GET", "/api/clusters_mgmt/v1/clusters", r => r["search"]!.Contains("'sa'", StringComparison.Ordinal)
                ? FakeOcmHandler.Page(1, 1, """{"id":"a1","name":"a-1","subscription":{"id":"sa"},"product":{"id":"osd"},"channel":"stable-4.16","version":{"raw_id":"4.16.8","available_upgrades":["4.16.9"]}}""")
                : FakeOcmHandler.Page(1, 1, clustersOfOrgB))
            .On("GET", "/api/clusters_mgmt/v1/clusters/a1/upgrade_policies", _ => FakeOcmHandler.Page(1, 1, """{"id":"p1","version":"4.16.9","schedule_type":"manual","next_run":"2026-11-23T13:00:00Z"}"""))
            .On("GET", "/api/clusters_mgmt/v1/clusters/a1/upgrade_policies/p1/state", _ => FakeOcmHandler.Error(HttpStatusCode.NotFound, "CLUSTERS-MGMT-404", "gone"));
    }

    [Fact]
    public async Task AnInvalidVersionFailsItsOrganizationOnlyAndNamesTheField()
    {
        var ocm = Ocm("""{"id":"b1","name":"b-1","subscription":{"id":"sb"},"version":{"raw_id":"4.16.8","available_upgrades":["4.16.9","4.17"]}}""");
        using var client = TestClients.Create(ocm);

        var result = await client.ReadFleetAsync([new OrganizationId("org-a"), new OrganizationId("org-b")], CancellationToken.None);

        var error = result.Errors.ShouldHaveSingleItem();
        error.OrgId.Value.ShouldBe("org-b");
        error.Message.ShouldBe(
            "cluster b-1 (id b1): version.available_upgrades[1]: '4.17' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1");
        result.Snapshot.Find(new OrganizationId("org-b")).ShouldBeNull();
        result.Snapshot.Find(new OrganizationId("org-a"))!.Clusters.ShouldHaveSingleItem().Labels["k"].ShouldBe("v");

        // No per-cluster call is spent on an organization that cannot be planned.
        ocm.Requests.ShouldNotContain(r => r.Path.Contains("/clusters/b1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnreadablePolicyStateIsUnknownNotAFailure()
    {
        using var client = TestClients.Create(Ocm("""{"id":"b1","name":"b-1","subscription":{"id":"sb"},"version":{"raw_id":"4.16.8"}}"""));

        var result = await client.ReadFleetAsync([new OrganizationId("org-a")], CancellationToken.None);

        result.Errors.ShouldBeEmpty();
        result.Snapshot.Find(new OrganizationId("org-a"))!.Clusters[0].UpgradePolicies.ShouldHaveSingleItem().State.ShouldBe(UpgradePolicyState.Unknown);
    }

    [Fact]
    public async Task AGateWithAnInvalidPrefixIsLeftOutWithAWarning()
    {
        using var client = TestClients.Create(Ocm("""{"id":"b1","name":"b-1","subscription":{"id":"sb"},"version":{"raw_id":"4.16.8"}}"""));

        var result = await client.ReadFleetAsync([new OrganizationId("org-a")], CancellationToken.None);

        result.Snapshot.VersionGates.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().ShouldContain("version gate gate-bad: version_raw_id_prefix 'four' is not MAJOR.MINOR");
    }

    [Fact]
    public async Task GatesThatCannotBeReadFailThePass()
    {
        var ocm = new FakeOcmHandler().On("GET", "/api/clusters_mgmt/v1/version_gates", _ => FakeOcmHandler.Error(HttpStatusCode.Forbidden, "CLUSTERS-MGMT-403", "no"));
        using var client = TestClients.Create(ocm);

        var error = await Should.ThrowAsync<OcmApiException>(client.ReadFleetAsync([new OrganizationId("org-a")], CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
