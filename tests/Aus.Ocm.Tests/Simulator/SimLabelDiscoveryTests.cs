using Aus.Domain.Fleet;
using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Simulator;

/// <summary>Discovery of the label flavour against the simulator: labelled subscriptions, their clusters, and organization labels.</summary>
public sealed class SimLabelDiscoveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Fleet = """
        organizations:
        - orgId: org-a
          labels: {sre-capabilities.aus.sector-deps.prod: "", other.label: x}
          clusters:
          - name: labelled-1
            id: c1
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            labels: {sre-capabilities.aus.soak-days: "3", sre-capabilities.aus.workloads: "a, b", team: payments}
          - {name: unlabelled, id: c2, channel: stable-4.16, version: 4.16.8}
          - name: hcp-1
            id: h1
            product: rosa
            hypershift: true
            channel: stable-4.16
            version: 4.16.9
            nodePools: [{id: workers, version: 4.16.8}]
            labels: {sre-capabilities.aus.unknown: "?"}
          - {name: installing, id: i1, state: installing, channel: stable-4.16, version: 4.16.8, labels: {sre-capabilities.aus.soak-days: "0"}}
        - orgId: org-b
          clusters:
          - {name: b-1, id: b1, channel: stable-4.16, version: 4.16.8, labels: {sre-capabilities.aus.soak-days: "1"}}
        - orgId: org-publisher
          labels: {sre-capabilities.aus.version-data.publish: org-a}
          clusters:
          - {name: p-1, id: p1, channel: stable-4.16, version: 4.16.8}
        """;

    [Fact]
    public async Task LabelledSubscriptions_AreResolvedToReadyClusters_WithTheirAusLabels()
    {
        await using var sim = await SimClient.StartAsync(Fleet);

        var result = await sim.Client.ReadLabelledFleetAsync([], None);

        result.Errors.ShouldBeEmpty();
        var orgA = result.Snapshot.Find(new OrganizationId("org-a"))!;
        orgA.Clusters.Select(c => c.Name).ShouldBe(["labelled-1", "hcp-1"], ignoreOrder: true);
        var labelled = orgA.Clusters.Single(c => c.Name == "labelled-1");
        labelled.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).ShouldBe(
            [new("sre-capabilities.aus.soak-days", "3"), new("sre-capabilities.aus.workloads", "a, b")]);
        orgA.Clusters.Single(c => c.Name == "hcp-1").NodePools.ShouldHaveSingleItem().Id.ShouldBe("workers");
        orgA.Labels.ShouldHaveSingleItem().ShouldBe(new("sre-capabilities.aus.sector-deps.prod", ""));
        result.Snapshot.Find(new OrganizationId("org-b"))!.Clusters.ShouldHaveSingleItem().Name.ShouldBe("b-1");
    }

    [Fact]
    public async Task AnOrganizationWithOnlyOrganizationLabels_IsThereWithoutClusters()
    {
        await using var sim = await SimClient.StartAsync(Fleet);

        var publisher = (await sim.Client.ReadLabelledFleetAsync([], None)).Snapshot.Find(new OrganizationId("org-publisher"))!;

        publisher.Clusters.ShouldBeEmpty();
        publisher.Labels["sre-capabilities.aus.version-data.publish"].ShouldBe("org-a");
    }

    [Fact]
    public async Task AnOrganizationFilter_KeepsOnlyThoseOrganizationsClusters()
    {
        await using var sim = await SimClient.StartAsync(Fleet);

        var snapshot = (await sim.Client.ReadLabelledFleetAsync([new OrganizationId("org-b")], None)).Snapshot;

        snapshot.Find(new OrganizationId("org-b"))!.Clusters.ShouldHaveSingleItem();
        snapshot.Find(new OrganizationId("org-a"))!.Clusters.ShouldBeEmpty();
    }

    [Fact]
    public async Task LabelSearches_UseOnlyTheParametersTheEndpointDeclares_AndFewCalls()
    {
        await using var sim = await SimClient.StartAsync(Fleet);
        var queries = new List<string>();
        sim.Wire.Before = (request, _) =>
        {
            if (request.RequestUri!.AbsolutePath == "/api/accounts_mgmt/v1/labels")
            {
                lock (queries)
                {
                    queries.Add(Uri.UnescapeDataString(request.RequestUri.Query));
                }
            }

            return Task.CompletedTask;
        };

        var result = await sim.Client.ReadLabelledFleetAsync([], None);

        queries.Count.ShouldBe(2);
        queries.ShouldAllBe(q => !q.Contains("order", StringComparison.Ordinal));
        queries.ShouldContain(q => q.Contains("search=key like 'sre-capabilities.aus.%' and type='Subscription'", StringComparison.Ordinal));
        queries.ShouldContain(q => q.Contains("search=key like 'sre-capabilities.aus.%' and type='Organization'", StringComparison.Ordinal));
        result.Calls.For(OcmEndpoints.Subscriptions).ShouldBe(1);
    }

    [Fact]
    public async Task LabelsArePaged_WhateverOrderThePagesCome()
    {
        await using var sim = await SimClient.StartAsync(Fleet, configureClient: o => o with { PageSize = 1 });

        var result = await sim.Client.ReadLabelledFleetAsync([], None);

        result.Snapshot.Find(new OrganizationId("org-a"))!.Clusters.Single(c => c.Name == "labelled-1").Labels.Count.ShouldBe(2);
        result.Calls.For(OcmEndpoints.Labels).ShouldBeGreaterThan(2);
    }
}
