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
        Channel = "stable-4.16",
        Version = OpenShiftVersion.Parse("4.16.1"),
        Labels = labels.ToImmutableDictionary(l => l.Key, l => l.Value),
    };

    private static readonly (string, string)[] Valid = [(P + "soak-days", "0"), (P + "workloads", "w"), (P + "schedule", "0 * * * *")];

    private static readonly FleetSnapshot Fleet = new(
        [],
        [
            new FleetOrganization("org-b", [Cluster("b-1", Valid), Cluster("b-2")]),
            new FleetOrganization("org-a", [Cluster("a-1", Valid)]) { Labels = ImmutableDictionary<string, string>.Empty.Add(P + "version-data.inherit", "org-pub") },
            new FleetOrganization("org-pub", [Cluster("p-1")]) { Labels = ImmutableDictionary<string, string>.Empty.Add(P + "version-data.publish", "org-a,org-b") },
        ]);

    [Fact]
    public void OrganizationsWithLabelledClusters_ArePlanned_InOrgIdOrder()
    {
        var policies = LabelPolicies.Read(Fleet, []);

        policies.Organizations.Select(o => o.Policy!.OrgId).ShouldBe(["org-a", "org-b"]);
        policies.Organizations[1].ClusterNames.ShouldBe(["b-1"]);
        policies.Organizations[0].Policy!.InheritVersionData.ShouldBe([new InheritedOrganization("org-pub", null)]);
    }

    [Fact]
    public void EveryOrganizationsPublishList_IsKept_PlannedOrNot() =>
        LabelPolicies.Read(Fleet, []).PublishVersionData["org-pub"].ShouldBe(["org-a", "org-b"]);

    [Fact]
    public void OrganizationFiles_AddTheirOrganizations_AndKeepTheirNames()
    {
        OrganizationPolicy[] files =
        [
            new() { Name = "the publisher", OrgId = "org-pub" },
            new() { Name = "elsewhere", OrgId = "org-x", Environment = "stage" },
        ];

        var policies = LabelPolicies.Read(Fleet, files);

        policies.Organizations.Select(o => (o.Policy!.OrgId, o.Policy.Name, o.Policy.Environment)).ShouldBe(
            [("org-a", "org-a", "production"), ("org-b", "org-b", "production"), ("org-pub", "the publisher", "production"), ("org-x", "elsewhere", "stage")]);
        policies.Organizations[2].Policy!.PublishVersionData.ShouldBe(["org-a", "org-b"]);
        policies.Organizations[3].Policy!.Clusters.ShouldBeEmpty();
    }
}
