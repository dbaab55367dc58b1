using System.Net;
using System.Text.Json.Nodes;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Ocm.Actions;
using Aus.Domain.Versions;

namespace Aus.Ocm.Tests.Simulator;

public sealed class SimActionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset InAnHour = SimFleets.Start.AddHours(1);

    private static CreateUpgradePolicy Classic(string cluster, string id, string version) =>
        new(cluster, new ClusterId(id), UpgradePolicyKind.Cluster, OpenShiftVersion.Parse(version), InAnHour);

    [Fact]
    public async Task EveryKindOfActionIsAppliedWithTheReferencePayloads()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);
        var bodies = new List<string>();
        sim.Wire.Before = async (request, ct) =>
        {
            if (request.Content is not null && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                var line = $"{request.Method} {request.RequestUri.AbsolutePath} {await request.Content.ReadAsStringAsync(ct)}";
                lock (bodies)
                {
                    bodies.Add(line);
                }
            }
        };
        PlannedAction[] actions =
        [
            Classic("classic-1", "c1", "4.16.9"),
            new CreateUpgradePolicy("hcp-1", new ClusterId("h1"), UpgradePolicyKind.ControlPlane, OpenShiftVersion.Parse("4.16.10"), InAnHour),
            new CreateUpgradePolicy("hcp-1", new ClusterId("h1"), UpgradePolicyKind.NodePool, OpenShiftVersion.Parse("4.16.9"), SimFleets.Start.AddMinutes(6), "infra"),
            new SwitchChannel("classic-1", new ClusterId("c1"), new ChannelName("stable-4.16"), new ChannelName("stable-4.17")),
            new AgreeVersionGate("sts-1", new ClusterId("s1"), "gate-417-sts", VersionGate.StsLabel, "4.17"),
        ];

        var results = await sim.Client.ApplyAsync(actions, dryRun: false, None);

        results.Select(r => r.Outcome).ShouldAllBe(o => o == OcmActionOutcome.Applied, string.Join("\n", results.Select(r => r.Message)));
        results.Select(r => r.Action).ShouldBe(actions);
        bodies.ShouldBe(
        [
            """POST /api/clusters_mgmt/v1/clusters/c1/upgrade_policies {"version":"4.16.9","schedule_type":"manual","next_run":"2026-11-23T13:00:00Z"}""",
            """PATCH /api/clusters_mgmt/v1/clusters/c1 {"channel":"stable-4.17"}""",
            """POST /api/clusters_mgmt/v1/clusters/h1/control_plane/upgrade_policies {"version":"4.16.10","schedule_type":"manual","upgrade_type":"ControlPlane","cluster_id":"h1","next_run":"2026-11-23T13:00:00Z"}""",
            """POST /api/clusters_mgmt/v1/clusters/h1/node_pools/infra/upgrade_policies {"version":"4.16.9","schedule_type":"manual","upgrade_type":"NodePool","cluster_id":"h1","next_run":"2026-11-23T12:06:00Z"}""",
            """POST /api/clusters_mgmt/v1/clusters/s1/gate_agreements {"version_gate":{"id":"gate-417-sts"}}""",
        ],
        ignoreOrder: true);

        // Actions on one cluster keep the plan's order.
        bodies.FindIndex(b => b.StartsWith("POST /api/clusters_mgmt/v1/clusters/c1/", StringComparison.Ordinal))
            .ShouldBeLessThan(bodies.FindIndex(b => b.StartsWith("PATCH /api/clusters_mgmt/v1/clusters/c1", StringComparison.Ordinal)));

        var fleet = (await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None)).Snapshot.Find(new OrganizationId("org-a"))!;
        var c1 = fleet.Clusters.Single(c => c.Name == "classic-1");
        c1.Channel.Value.ShouldBe("stable-4.17");
        c1.UpgradePolicies.ShouldHaveSingleItem().Version.ShouldBe("4.16.9");
        fleet.Clusters.Single(c => c.Name == "hcp-1").UpgradePolicies.Select(p => (p.Kind, p.NodePoolId, p.Version)).ShouldBe(
            [(UpgradePolicyKind.ControlPlane, null, "4.16.10"), (UpgradePolicyKind.NodePool, "workers", "4.16.9"), (UpgradePolicyKind.NodePool, "infra", "4.16.9")],
            ignoreOrder: true);
        fleet.Clusters.Single(c => c.Name == "sts-1").GateAgreements.ShouldBe(["gate-417-sts"]);
        results[0].ObjectId.ShouldNotBeNull();
    }

    [Fact]
    public async Task ARefusedActionCarriesTheOcmErrorAndDoesNotStopTheOthers()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);
        PlannedAction[] actions =
        [
            new CreateUpgradePolicy("classic-1", new ClusterId("c1"), UpgradePolicyKind.Cluster, OpenShiftVersion.Parse("4.16.9"), SimFleets.Start.AddMinutes(1)),
            Classic("sts-1", "s1", "4.17.1"),
        ];

        var results = await sim.Client.ApplyAsync(actions, dryRun: false, None);

        results[0].Outcome.ShouldBe(OcmActionOutcome.Refused);
        results[0].StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        results[0].OperationId.ShouldNotBeNullOrEmpty();
        results[0].Message!.ShouldContain("less than 5 minutes in the future");
        results[1].Outcome.ShouldBe(OcmActionOutcome.Applied);
        sim.Client.CallCounts.For(OcmEndpoints.CreateUpgradePolicy).ShouldBe(2);
    }

    [Fact]
    public async Task ADryRunSendsNothing()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);

        var results = await sim.Client.ApplyAsync([Classic("classic-1", "c1", "4.16.9"), new SwitchChannel("classic-1", new ClusterId("c1"), new ChannelName("stable-4.16"), new ChannelName("stable-4.17"))], dryRun: true, None);

        results.Select(r => r.Outcome).ShouldBe([OcmActionOutcome.DryRun, OcmActionOutcome.DryRun]);
        sim.Sim.Stats.Total.ShouldBe(0);
        sim.Client.CallCounts.Total.ShouldBe(0);
    }

    [Fact]
    public async Task ACreateWhoseResponseWasLostIsNotSentAgainWhenThePolicyExists()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);
        sim.Wire.After = (request, response) =>
        {
            if (request.Method == HttpMethod.Post && response.StatusCode == HttpStatusCode.Created)
            {
                throw new HttpRequestException("the connection dropped before the response arrived");
            }
        };

        var result = (await sim.Client.ApplyAsync([Classic("classic-1", "c1", "4.16.9")], dryRun: false, None)).ShouldHaveSingleItem();

        result.Outcome.ShouldBe(OcmActionOutcome.AlreadyPresent);
        result.ObjectId.ShouldNotBeNull();
        sim.Client.CallCounts.For(OcmEndpoints.CreateUpgradePolicy).ShouldBe(1);
        sim.Client.CallCounts.For(OcmEndpoints.UpgradePolicies).ShouldBe(1);
        PoliciesOf(sim, "c1").ShouldBe(1);
    }

    [Fact]
    public async Task ACreateLostBeforeTheServerSawItIsSentAgainAfterCheckingThatNoPolicyExists()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);
        var dropped = 0;
        sim.Wire.Before = (request, _) =>
            request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) && Interlocked.Increment(ref dropped) == 1
                ? throw new HttpRequestException("connection reset")
                : Task.CompletedTask;

        var result = (await sim.Client.ApplyAsync([new CreateUpgradePolicy("hcp-1", new ClusterId("h1"), UpgradePolicyKind.ControlPlane, OpenShiftVersion.Parse("4.16.10"), InAnHour)], dryRun: false, None))
            .ShouldHaveSingleItem();

        result.Outcome.ShouldBe(OcmActionOutcome.Applied);
        sim.Client.CallCounts.For(OcmEndpoints.CreateControlPlaneUpgradePolicy, "no-response").ShouldBe(1);
        sim.Client.CallCounts.For(OcmEndpoints.CreateControlPlaneUpgradePolicy, "201").ShouldBe(1);
        sim.Client.CallCounts.For(OcmEndpoints.ControlPlaneUpgradePolicies).ShouldBe(1);
    }

    [Fact]
    public async Task AGateAgreementWhoseResponseWasLostIsReportedAsPresent()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);
        sim.Wire.After = (request, response) =>
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                throw new HttpRequestException("dropped");
            }
        };

        var result = (await sim.Client.ApplyAsync([new AgreeVersionGate("sts-1", new ClusterId("s1"), "gate-417", VersionGate.OcpLabel, "4.17")], dryRun: false, None))
            .ShouldHaveSingleItem();

        result.Outcome.ShouldBe(OcmActionOutcome.AlreadyPresent);
        sim.Client.CallCounts.For(OcmEndpoints.CreateGateAgreement).ShouldBe(1);
    }

    [Fact]
    public async Task AServerErrorOnACreateIsCheckedAndNotRepeatedWhenThePolicyExists()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);
        sim.Wire.After = (request, response) =>
        {
            if (request.Method == HttpMethod.Post && response.StatusCode == HttpStatusCode.Created)
            {
                // The policy was created, but a proxy turned the answer into a 502.
                response.StatusCode = HttpStatusCode.BadGateway;
                response.Content = new StringContent("bad gateway");
            }
        };

        var result = (await sim.Client.ApplyAsync([Classic("classic-1", "c1", "4.16.9")], dryRun: false, None)).ShouldHaveSingleItem();

        result.Outcome.ShouldBe(OcmActionOutcome.AlreadyPresent);
        sim.Client.CallCounts.For(OcmEndpoints.CreateUpgradePolicy).ShouldBe(1);
        PoliciesOf(sim, "c1").ShouldBe(1);
    }

    private static int PoliciesOf(SimClient sim, string clusterId)
    {
        var fleet = JsonNode.Parse(sim.Sim.FleetJson())!;
        var text = fleet.ToJsonString();
        var clusters = FindClusters(fleet).Where(c => (string?)c["id"] == clusterId).ToList();
        clusters.Count.ShouldBe(1, text);
        return clusters[0]["upgradePolicies"]?.AsArray().Count ?? 0;
    }

    private static IEnumerable<JsonNode> FindClusters(JsonNode node) => node switch
    {
        JsonObject o when o["clusters"] is JsonArray clusters => clusters.OfType<JsonNode>().Concat(o.Select(p => p.Value).OfType<JsonNode>().Where(v => v != clusters).SelectMany(FindClusters)),
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(FindClusters),
        JsonArray a => a.OfType<JsonNode>().SelectMany(FindClusters),
        _ => [],
    };
}
