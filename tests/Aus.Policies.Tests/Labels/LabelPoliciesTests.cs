using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Domain.Versions;
using Aus.Policies.Labels;

namespace Aus.Policies.Tests.Labels;

/// <summary>Which organizations a fleet's labels configure, and the version-data they publish.</summary>
public sealed class LabelPoliciesTests
{
    private const string P = AusLabelKeys.Prefix;

    private static OcmCluster Cluster(string name, params (string Key, string Value)[] labels) => new()
    {
        Name = name,
        Id = new ClusterId(name),
        ExternalId = name,
        Channel = new ChannelName("stable-4.16"),
        Version = OpenShiftVersion.Parse("4.16.1"),
        Labels = labels.ToImmutableDictionary(l => l.Key, l => l.Value),
    };

    private static readonly (string, string)[] Valid = [(P + "soak-days", "0"), (P + "workloads", "w"), (P + "schedule", "0 * * * *")];

    private static readonly FleetSnapshot Fleet = new(
        [],
        [
            new FleetOrganization(new OrganizationId("org-b"), [Cluster("b-1", Valid), Cluster("b-2")]),
            new FleetOrganization(new OrganizationId("org-a"), [Cluster("a-1", Valid)]) { Labels = ImmutableDictionary<string, string>.Empty.Add(P + "version-data.inherit", "org-pub") },
            new FleetOrganization(new OrganizationId("org-pub"), [Cluster("p-1")]) { Labels = ImmutableDictionary<string, string>.Empty.Add(P + "version-data.publish", "org-a,org-b") },
        ]);

    [Fact]
    public void OrganizationsWithLabelledClusters_ArePlanned_InOrgIdOrder()
    {
        var policies = LabelPolicies.Read(Fleet, []);

        policies.Organizations.Select(o => o.Policy!.OrgId).ShouldBe([new OrganizationId("org-a"), new OrganizationId("org-b")]);
        policies.Organizations[1].ClusterNames.ShouldBe(["b-1"]);
        policies.Organizations[0].Policy!.InheritVersionData.ShouldBe([new InheritedOrganization(new OrganizationId("org-pub"), null)]);
    }

    [Fact]
    public void EveryOrganizationsPublishList_IsKept_PlannedOrNot() =>
        LabelPolicies.Read(Fleet, []).PublishVersionData["org-pub"].ShouldBe(["org-a", "org-b"]);

    [Fact]
    public void OrganizationFiles_AddTheirOrganizations_AndKeepTheirNames()
    {
        OrganizationPolicy[] files =
        [
            new() { Name = "the publisher", OrgId = new OrganizationId("org-pub") },
            new() { Name = "elsewhere", OrgId = new OrganizationId("org-x"), Environment = new EnvironmentName("stage") },
        ];

        var policies = LabelPolicies.Read(Fleet, files);

        policies.Organizations.Select(o => (o.Policy!.OrgId, o.Policy.Name, o.Policy.Environment)).ShouldBe(
            [(new OrganizationId("org-a"), "org-a", new EnvironmentName("production")), (new OrganizationId("org-b"), "org-b", new EnvironmentName("production")), (new OrganizationId("org-pub"), "the publisher", new EnvironmentName("production")), (new OrganizationId("org-x"), "elsewhere", new EnvironmentName("stage"))]);
        policies.Organizations[2].Policy!.PublishVersionData.ShouldBe([new OrganizationId("org-a"), new OrganizationId("org-b")]);
        policies.Organizations[3].Policy!.Clusters.ShouldBeEmpty();
    }
}
