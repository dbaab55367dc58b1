using System.Net;

namespace Aus.Simulator.Tests;

public sealed class GateAgreementTests
{
    [Fact]
    public async Task VersionGates_AreListedWithOcmFields()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);

        var (_, body) = await h.GetAsync("/api/clusters_mgmt/v1/version_gates");

        var gate = body!["items"]!.AsArray()[0]!;
        gate["kind"]!.GetValue<string>().ShouldBe("VersionGate");
        gate["version_raw_id_prefix"]!.GetValue<string>().ShouldBe("4.17");
        gate["label"]!.GetValue<string>().ShouldBe("api.openshift.com/gate-ocp");
        gate["sts_only"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Agreement_IsCreatedAndListed_DuplicateAndUnknownRefused()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        const string path = "/api/clusters_mgmt/v1/clusters/c1/gate_agreements";

        var (created, body) = await h.PostAsync(path, """{"version_gate": {"id": "gate-417"}}""");
        var duplicate = await h.PostAsync(path, """{"version_gate": {"id": "gate-417"}}""");
        var unknown = await h.PostAsync(path, """{"version_gate": {"id": "gate-999"}}""");

        created.ShouldBe(HttpStatusCode.Created);
        body!["version_gate"]!["id"]!.GetValue<string>().ShouldBe("gate-417");
        duplicate.Status.ShouldBe(HttpStatusCode.Conflict);
        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        var (_, list) = await h.GetAsync(path);
        list!["items"]!.AsArray().ShouldHaveSingleItem()!["version_gate"]!["id"]!.GetValue<string>().ShouldBe("gate-417");
    }
}
