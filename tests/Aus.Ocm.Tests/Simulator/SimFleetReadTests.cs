using System.Net;
using Aus.Domain.Fleet;
using Aus.Domain.Versions;

namespace Aus.Ocm.Tests.Simulator;

public sealed class SimFleetReadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ReadsEveryReadyClusterOfTheOrganizationWithWhatThePlannerNeeds()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None);

        result.Errors.ShouldBeEmpty();
        var org = result.Snapshot.Find(new OrganizationId("org-a")).ShouldNotBeNull();
        org.Clusters.Select(c => c.Name).Order().ShouldBe(["classic-1", "classic-2", "hcp-1", "sts-1"]);

        var c1 = org.Clusters.Single(c => c.Name == "classic-1");
        c1.Id.ShouldBe(new ClusterId("c1"));
        c1.ExternalId.ShouldBe("11111111-1111-1111-1111-111111111111");
        c1.Product.ShouldBe("osd");
        c1.Channel.Value.ShouldBe("stable-4.16");
        c1.Version.ShouldBe(OpenShiftVersion.Parse("4.16.8"));
        c1.AvailableUpgrades.Select(v => v.ToString()).ShouldBe(["4.16.9", "4.17.1"]);
        c1.AvailableChannels.ShouldBe([new ChannelName("stable-4.16"), new ChannelName("stable-4.17")]);
        c1.GateAgreements.ShouldBe(["gate-417"]);
        c1.Labels["sre-capabilities.aus.workloads"].ShouldBe("svc");
        c1.Labels["other.label"].ShouldBe("x");
        c1.UpgradePolicies.ShouldBeEmpty();

        var c2 = org.Clusters.Single(c => c.Name == "classic-2");
        var policy = c2.UpgradePolicies.ShouldHaveSingleItem();
        policy.ShouldBe(new ExistingUpgradePolicy
        {
            Id = "p-1",
            Version = "4.16.9",
            Kind = UpgradePolicyKind.Cluster,
            ScheduleType = "manual",
            NextRun = new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero),
            State = UpgradePolicyState.Scheduled,
        });

        var h1 = org.Clusters.Single(c => c.Name == "hcp-1");
        h1.IsHostedControlPlane.ShouldBeTrue();
        h1.NodePools.ShouldBe([new NodePool("workers", OpenShiftVersion.Parse("4.16.8")), new NodePool("infra", OpenShiftVersion.Parse("4.16.8"))]);
        var nodePoolPolicy = h1.UpgradePolicies.ShouldHaveSingleItem();
        nodePoolPolicy.Kind.ShouldBe(UpgradePolicyKind.NodePool);
        nodePoolPolicy.NodePoolId.ShouldBe("workers");
        nodePoolPolicy.State.ShouldBe(UpgradePolicyState.Pending);

        org.Clusters.Single(c => c.Name == "sts-1").StsEnabled.ShouldBeTrue();
        result.Snapshot.VersionGates.Select(g => g.Id).Order().ShouldBe(["gate-417", "gate-417-sts", "gate-418-other"]);
    }

    [Fact]
    public async Task APassMakesOnlyTheCallsItsDecisionsNeed()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None);

        // Discovery: gates, one subscription page, one cluster page.
        var calls = result.Calls;
        calls.For(OcmEndpoints.VersionGates).ShouldBe(1);
        calls.For(OcmEndpoints.Subscriptions).ShouldBe(1);
        calls.For(OcmEndpoints.Clusters).ShouldBe(1);

        // Classic c1, c2, s1: one policy list each; one state read for c2's only policy.
        calls.For(OcmEndpoints.UpgradePolicies).ShouldBe(3);
        calls.For(OcmEndpoints.UpgradePolicyState).ShouldBe(1);

        // Hosted control plane h1: node pools, control-plane policies, one policy list per pool.
        calls.For(OcmEndpoints.NodePools).ShouldBe(1);
        calls.For(OcmEndpoints.ControlPlaneUpgradePolicies).ShouldBe(1);
        calls.For(OcmEndpoints.NodePoolUpgradePolicies).ShouldBe(2);

        // Gate agreements only where a 4.17 gate can apply: c1 (gate-ocp) and s1 (gate-ocp, gate-sts); not c2 or h1 (z-stream only).
        calls.For(OcmEndpoints.GateAgreements).ShouldBe(2);

        calls.For(OcmEndpoints.Token).ShouldBe(1);
        calls.Total.ShouldBe(14);
        calls.Calls.ShouldAllBe(c => c.Status == "200");

        // The server saw exactly what the client counted.
        sim.Sim.Stats.Total.ShouldBe(calls.Total);
        sim.Log.All.ShouldContain("with 14 calls");
    }

    [Fact]
    public async Task PaginationWalksEveryPageOfSubscriptionsAndClusters()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Many(7), configureClient: o => o with { PageSize = 2 });

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-many")], None);

        result.Snapshot.Find(new OrganizationId("org-many"))!.Clusters.Select(c => c.Name).Order().ShouldBe(Enumerable.Range(1, 7).Select(i => $"c-{i:D3}"));
        result.Calls.For(OcmEndpoints.Subscriptions).ShouldBe(4);
        result.Calls.For(OcmEndpoints.Clusters).ShouldBe(4);
        result.Calls.For(OcmEndpoints.UpgradePolicies).ShouldBe(7);
    }

    [Fact]
    public async Task ClusterSearchesAreChunkedByOneHundredSubscriptions()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Many(150));
        var searches = new List<string>();
        sim.Wire.Before = (request, _) =>
        {
            if (request.RequestUri!.AbsolutePath == "/api/clusters_mgmt/v1/clusters")
            {
                lock (searches)
                {
                    searches.Add(Uri.UnescapeDataString(request.RequestUri.Query));
                }
            }

            return Task.CompletedTask;
        };

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-many")], None);

        result.Snapshot.Find(new OrganizationId("org-many"))!.Clusters.Length.ShouldBe(150);
        searches.Count.ShouldBe(2);
        searches.ShouldAllBe(s => s.Contains("search=managed='true' and product.id in ('osd','rosa') and state='ready' and subscription.id in ('"));
        searches.Select(s => s.Split("subscription.id in (")[1].Split(',').Length).Order().ShouldBe([50, 100]);
    }

    [Fact]
    public async Task AnOrganizationThatFailsIsReportedAndTheOthersAreRead()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);
        sim.Wire.Before = (request, _) =>
            Uri.UnescapeDataString(request.RequestUri!.Query).Contains("organization_id='org-a'", StringComparison.Ordinal)
                ? throw new HttpRequestException("connection refused")
                : Task.CompletedTask;

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a"), new OrganizationId("org-b")], None);

        var error = result.Errors.ShouldHaveSingleItem();
        error.OrgId.Value.ShouldBe("org-a");
        error.Message.ShouldContain("connection refused");
        result.Snapshot.Find(new OrganizationId("org-a")).ShouldBeNull();
        result.Snapshot.Find(new OrganizationId("org-b"))!.Clusters.ShouldHaveSingleItem().Name.ShouldBe("other-1");
    }

    [Fact]
    public async Task AnOrganizationWithoutClustersIsEmptyNotAnError()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-none")], None);

        result.Errors.ShouldBeEmpty();
        result.Snapshot.Find(new OrganizationId("org-none"))!.Clusters.ShouldBeEmpty();
    }

    [Fact]
    public async Task LabelsVersionGatesAndServiceLogsAreReadAndWritten()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed);
        var client = sim.Client;

        var created = await client.CreateOrganizationLabelAsync("org-a", "sre-capabilities.aus.blocked-versions", "^4.16.9$", None);
        created.Key.ShouldBe("sre-capabilities.aus.blocked-versions");
        (await client.GetOrganizationLabelsAsync("org-a", None)).ShouldContain(l => l.Key == "sre-capabilities.aus.blocked-versions" && l.Value == "^4.16.9$");
        (await client.SearchLabelsAsync("sre-capabilities.aus.", "Organization", None)).ShouldContain(l => l.OrganizationId == "org-a");

        var fleet = await client.ReadFleetAsync([new OrganizationId("org-a")], None);
        fleet.Snapshot.Find(new OrganizationId("org-a"))!.Clusters.Single(c => c.Name == "classic-2").Labels.ShouldBeEmpty();

        var log = await client.CreateServiceLogAsync(
            new ServiceLogEntry("11111111-1111-1111-1111-111111111111", ServiceLogEntry.AusServiceName, "Invalid policy", "soak-days: 'x' is not an integer", "Moderate"),
            None);
        log.Id.ShouldNotBeNull();
        var found = await client.SearchServiceLogsAsync(
            new ServiceLogQuery("11111111-1111-1111-1111-111111111111") { ServiceName = ServiceLogEntry.AusServiceName, Summary = "Invalid policy", CreatedSince = SimFleets.Start.AddDays(-1) },
            None);
        found.ShouldHaveSingleItem().Description.ShouldBe("soak-days: 'x' is not an integer");
        (await client.SearchServiceLogsAsync(new ServiceLogQuery("11111111-1111-1111-1111-111111111111") { Summary = "other" }, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SubscriptionLabelsAreReadWrittenAndSeenByTheNextPass()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed.Replace("id: c2\n", "id: c2\n    subscriptionId: sub-c2\n", StringComparison.Ordinal));

        await sim.Client.CreateSubscriptionLabelAsync("sub-c2", "sre-capabilities.aus.workloads", "batch", None);

        (await sim.Client.GetSubscriptionLabelsAsync("sub-c2", None)).ShouldContain(l => l.Key == "sre-capabilities.aus.workloads" && l.Value == "batch");
        var fleet = await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None);
        fleet.Snapshot.Find(new OrganizationId("org-a"))!.Clusters.Single(c => c.Name == "classic-2").Labels["sre-capabilities.aus.workloads"].ShouldBe("batch");

        var error = await Should.ThrowAsync<OcmApiException>(sim.Client.GetSubscriptionLabelsAsync("no-such-subscription", None));
        error.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
