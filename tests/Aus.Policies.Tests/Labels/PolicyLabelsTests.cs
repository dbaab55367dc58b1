using Aus.Domain.Policies;
using Aus.Policies.Labels;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Labels;

/// <summary>The labels that express an organization file read back as that file's policy.</summary>
public sealed class PolicyLabelsTests
{
    private const string P = AusLabelKeys.Prefix;

    private static OrganizationPolicy Example(string name)
    {
        var document = OrganizationReader.Read(File.ReadAllText(Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", name)), name);
        document.Errors.ShouldBeEmpty();
        return document.Policy!;
    }

    [Theory]
    [InlineData("simple-org.yaml")]
    [InlineData("sectors-org.yaml")]
    [InlineData("mutex-org.yaml")]
    public void TheLabelsOfAnExample_ReadBackAsItsPolicy(string example)
    {
        var file = Example(example);

        var document = LabelPolicyReader.Read(PolicyLabels.For(file).ToLabelledOrganization(), file);

        document.Diagnostics.ShouldBeEmpty();
        var fromLabels = document.Policy!;
        fromLabels.Name.ShouldBe(file.Name);
        fromLabels.BlockedVersions.ShouldBe(file.BlockedVersions);
        fromLabels.Sectors.OrderBy(s => s.Name).ShouldBe(file.Sectors.OrderBy(s => s.Name), SectorComparer.Instance);
        fromLabels.InheritVersionData.Select(i => i.OrgId).ShouldBe(file.InheritVersionData.Select(i => i.OrgId).Order());
        fromLabels.PublishVersionData.ShouldBe(file.PublishVersionData.Order());
        fromLabels.Clusters.Select(Describe).ShouldBe(file.Clusters.Select(Describe));
    }

    [Theory]
    [InlineData("simple-org.yaml")]
    [InlineData("sectors-org.yaml")]
    [InlineData("mutex-org.yaml")]
    public void TheFileTheLabelsExpress_IsReadAsTheOriginalsPolicy(string example)
    {
        var file = Example(example);
        var fromLabels = LabelPolicyReader.Read(PolicyLabels.For(file).ToLabelledOrganization(), file).Policy!;

        var written = OrganizationReader.Read(OrganizationWriter.Write(fromLabels), "from-labels.yaml");

        written.Diagnostics.ShouldBeEmpty();
        written.Policy!.Clusters.Select(Describe).ShouldBe(file.Clusters.Select(Describe));
        written.Policy.Sectors.OrderBy(s => s.Name).ShouldBe(file.Sectors.OrderBy(s => s.Name), SectorComparer.Instance);
        written.Policy.BlockedVersions.ShouldBe(file.BlockedVersions);
    }

    [Fact]
    public void TheWrittenFile_KeepsQuirkyLabelValuesAsTheyAre()
    {
        var labels = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty
            .Add(AusLabelKeys.SoakDays, "1_0")
            .Add(AusLabelKeys.Workloads, "a, b,,it's")
            .Add(AusLabelKeys.Schedule, "*/5 * * * *")
            .Add(AusLabelKeys.BlockedVersions, "4.16.1,\n");
        var policy = LabelPolicyReader.Read(new LabelledOrganization("org-1", labels.Clear(), [new LabelledCluster("c", labels)])).Policy!;

        var cluster = OrganizationReader.Read(OrganizationWriter.Write(policy), "o.yaml").Policy!.Clusters.ShouldHaveSingleItem();

        cluster.SoakDays.ShouldBe(10);
        cluster.Workloads.Select(w => w.Value).ShouldBe(["a", " b", "", "it's"]);
        cluster.Schedule.Expression.ShouldBe("*/5 * * * *");
        cluster.BlockedVersions.Select(p => p.Source).ShouldBe(["4.16.1", "\n"]);
    }

    [Fact]
    public void ClusterLabels_FollowTheLabelSourceRules()
    {
        var file = OrganizationReader.Read(
            """
            name: o
            orgId: org-1
            upgradePolicyAllowedWorkloads: [w2, w1]
            upgradePolicyAllowedMutexes: [m]
            sectors: [{name: s}]
            upgradePolicyClusters:
            - name: plain
              upgradePolicy: {workloads: [w1], schedule: 0 * * * *}
            - name: full
              upgradePolicy:
                workloads: [w2, w1]
                schedule: 0 13 * * 1-5
                versionGateApprovals: [api.openshift.com/gate-sts, api.openshift.com/gate-ocp]
                conditions: {soakDays: 4, mutexes: [m], sector: s, blockedVersions: ['4.12.2', '4.12.1']}
            """,
            "o.yaml").Policy!;

        var labels = PolicyLabels.For(file).Clusters.ToDictionary(c => c.Cluster, c => c.Labels);

        labels["plain"].ShouldBe(new Dictionary<string, string>
        {
            [P + "schedule"] = "0 * * * *",
            [P + "soak-days"] = "0",
            [P + "workloads"] = "w1",
        });
        labels["full"].ShouldBe(new Dictionary<string, string>
        {
            [P + "blocked-versions"] = "4.12.1,4.12.2",
            [P + "mutexes"] = "m",
            [P + "schedule"] = "0 13 * * 1-5",
            [P + "sector"] = "s",
            [P + "soak-days"] = "4",
            [P + "version-gate-approvals"] = "api.openshift.com/gate-ocp,api.openshift.com/gate-sts",
            [P + "workloads"] = "w1,w2",
        });
    }

    [Fact]
    public void OrganizationLabels_FollowTheLabelSourceRules()
    {
        var file = OrganizationReader.Read(
            """
            name: o
            orgId: org-1
            blockedVersions: ['4.16.2', '^4\.15\..*$']
            sectors:
            - name: stage
            - name: prod
              maxParallelUpgrades: "20%"
              dependencies: [{name: stage}, {name: canary}]
            - name: canary
            inheritVersionData: [{orgId: org-z}, {orgId: org-a}]
            publishVersionData: [{orgId: org-y}, {orgId: org-b}]
            """,
            "o.yaml").Policy!;

        PolicyLabels.For(file).Organization.ShouldBe(new Dictionary<string, string>
        {
            [P + "blocked-versions"] = "4.16.2,^4\\.15\\..*$",
            [P + "sector-deps.canary"] = "",
            [P + "sector-deps.prod"] = "canary,stage",
            [P + "sector-deps.stage"] = "",
            [P + "sector-max-parallel-upgrades.prod"] = "20%",
            [P + "version-data.inherit"] = "org-a,org-z",
            [P + "version-data.publish"] = "org-b,org-y",
        });
    }

    [Fact]
    public void ApplyingTheLabels_KeepsOtherClustersAndTheirLabels()
    {
        var file = Example("simple-org.yaml");
        var first = file.Clusters[0].Name;

        var organization = PolicyLabels.For(file).ApplyTo(
        [
            new LabelledCluster(first, System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("owner", "team")),
            new LabelledCluster("unlisted", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty),
        ]);

        organization.Clusters[0].Labels["owner"].ShouldBe("team");
        organization.Clusters[0].Labels.ShouldContainKey(AusLabelKeys.SoakDays);
        organization.Clusters[1].Labels.ShouldBeEmpty();
        LabelPolicyReader.Read(organization).ClusterNames.ShouldBe([first]);
    }

    private static string Describe(ClusterPolicy c) =>
        $"{c.Name} soak={c.SoakDays ?? 0} workloads={string.Join('|', c.Workloads.Order())} schedule={c.Schedule.Expression} "
        + $"mutexes={string.Join('|', c.Mutexes.Order())} sector={c.Sector} blocked={string.Join('|', c.BlockedVersions.Select(p => p.Source).Order(StringComparer.Ordinal))} "
        + $"gates={string.Join('|', c.VersionGateApprovals.Order(StringComparer.Ordinal))}";

    private sealed class SectorComparer : IEqualityComparer<Sector>
    {
        public static readonly SectorComparer Instance = new();

        public bool Equals(Sector? x, Sector? y) =>
            x is not null && y is not null && x.Name == y.Name && x.MaxParallelUpgrades == y.MaxParallelUpgrades
            && x.Dependencies.Order().SequenceEqual(y.Dependencies.Order());

        public int GetHashCode(Sector obj) => obj.Name.GetHashCode();
    }
}
