using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Policies.Labels;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Labels;

/// <summary>The label-based configuration is read as the reference reads it, quirks included.</summary>
public sealed class LabelPolicyReaderTests
{
    private const string P = AusLabelKeys.Prefix;

    private static ImmutableDictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToImmutableDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    private static ImmutableDictionary<string, string> ValidCluster(params (string Key, string Value)[] overrides) =>
        Labels((P + "soak-days", "0"), (P + "workloads", "svc"), (P + "schedule", "0 13 * * 1-5")).SetItems(Labels(overrides));

    private static OrganizationDocument Read(ImmutableDictionary<string, string> cluster, ImmutableDictionary<string, string>? organization = null) =>
        LabelPolicyReader.Read(new LabelledOrganization("org-1", organization ?? Labels(), [new LabelledCluster("c1", cluster)]));

    private static ClusterPolicy OnlyCluster(OrganizationDocument document)
    {
        document.Errors.ShouldBeEmpty();
        return document.Policy!.Clusters.ShouldHaveSingleItem();
    }

    private static string OnlyError(OrganizationDocument document) => document.Errors.ShouldHaveSingleItem().Message;

    [Fact]
    public void AValidCluster_BecomesItsPolicy()
    {
        var cluster = OnlyCluster(Read(ValidCluster((P + "soak-days", "3"), (P + "mutexes", "m1,m2"), (P + "version-gate-approvals", "api.openshift.com/gate-ocp,api.openshift.com/gate-sts"))));

        cluster.Name.ShouldBe("c1");
        cluster.SoakDays.ShouldBe(3);
        cluster.Workloads.ShouldBe([new Workload("svc")]);
        cluster.Schedule.Expression.ShouldBe("0 13 * * 1-5");
        cluster.Mutexes.ShouldBe([new MutexName("m1"), new MutexName("m2")]);
        cluster.VersionGateApprovals.ShouldBe(["api.openshift.com/gate-ocp", "api.openshift.com/gate-sts"]);
        cluster.Sector.ShouldBeNull();
    }

    [Fact]
    public void TheOrganization_IsNamedByItsId_AndKeepsTheFilesNameAndEnvironment()
    {
        var organization = new LabelledOrganization("org-1", Labels(), [new LabelledCluster("c1", ValidCluster())]);

        LabelPolicyReader.Read(organization).Policy!.Name.ShouldBe("org-1");
        var file = new OrganizationPolicy { Name = "my-org", OrgId = new OrganizationId("org-1"), Environment = new EnvironmentName("stage"), Clusters = [] };
        var policy = LabelPolicyReader.Read(organization, file).Policy!;
        policy.Name.ShouldBe("my-org");
        policy.Environment.Value.ShouldBe("stage");
        policy.Clusters.ShouldHaveSingleItem().Name.ShouldBe("c1");
    }

    [Theory]
    [InlineData("a, b", new[] { "a", " b" })]
    [InlineData("a,,b", new[] { "a", "", "b" })]
    [InlineData("a,", new[] { "a", "" })]
    [InlineData(" a ", new[] { " a " })]
    public void Workloads_AreSplitOnCommas_WithoutTrimming_KeepingEmptyItems(string value, string[] expected) =>
        OnlyCluster(Read(ValidCluster((P + "workloads", value)))).Workloads.Select(w => w.Value).ShouldBe(expected);

    [Fact]
    public void EmptyWorkloads_AreAnError() =>
        OnlyError(Read(ValidCluster((P + "workloads", "")))).ShouldBe($"label {P}workloads: at least one workload is required, found an empty value");

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 7 ", 7)]
    [InlineData("+3", 3)]
    [InlineData("07", 7)]
    [InlineData("1_0", 10)]
    [InlineData("1.0", 1)]
    [InlineData("2.00", 2)]
    [InlineData("-0", 0)]
    public void SoakDays_ParseAsPydanticReadsIntegers(string value, int expected) =>
        OnlyCluster(Read(ValidCluster((P + "soak-days", value)))).SoakDays.ShouldBe(expected);

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.")]
    [InlineData("1e3")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("99999999999")]
    public void SoakDays_ThatAreNotIntegers_AreAnErrorNamingTheLabel(string value) =>
        OnlyError(Read(ValidCluster((P + "soak-days", value))))
            .ShouldBe($"label {P}soak-days: '{value}' is not an integer; expected an integer >= 0 such as \"7\"");

    [Fact]
    public void NegativeSoakDays_AreAnError() =>
        OnlyError(Read(ValidCluster((P + "soak-days", "-1")))).ShouldBe($"label {P}soak-days: must be an integer >= 0, found -1");

    [Fact]
    public void ASixFieldCron_IsAnErrorNamingTheLabel() =>
        OnlyError(Read(ValidCluster((P + "schedule", "0 0 13 * * 1")))).ShouldStartWith($"label {P}schedule: '0 0 13 * * 1' is not a valid cron expression (expected 5 fields");

    [Fact]
    public void ABadRegex_IsAnErrorNamingTheLabel() =>
        OnlyError(Read(ValidCluster((P + "blocked-versions", "4.16,(")))).ShouldStartWith($"label {P}blocked-versions: '(' is not a valid regular expression");

    [Fact]
    public void AnEmptyBlockedVersionsItem_IsTheEmptyPattern_WhichBlocksEverything()
    {
        var blocked = OnlyCluster(Read(ValidCluster((P + "blocked-versions", "4.16.1,")))).BlockedVersions;

        blocked.Select(p => p.Source).ShouldBe(["4.16.1", ""]);
        blocked[1].IsMatch("4.15.3").ShouldBeTrue();
    }

    [Fact]
    public void AbsentMutexes_AndAnEmptyMutexesLabel_BothMeanNoMutex()
    {
        OnlyCluster(Read(ValidCluster())).Mutexes.ShouldBeEmpty();
        OnlyCluster(Read(ValidCluster((P + "mutexes", "")))).Mutexes.ShouldBeEmpty();
    }

    [Fact]
    public void AnEmptySector_MeansNoSector() =>
        OnlyCluster(Read(ValidCluster((P + "sector", ""))))
            .Sector.ShouldBeNull();

    [Fact]
    public void ASector_MustBeDeclaredByTheOrganization()
    {
        OnlyCluster(Read(ValidCluster((P + "sector", "prod")), Labels((P + "sector-deps.prod", "")))).Sector.ShouldBe(new SectorName("prod"));
        OnlyError(Read(ValidCluster((P + "sector", "prod")))).ShouldBe(
            $"label {P}sector: sector 'prod' is not a sector of this organization; the organization declares no sectors (declare one with the organization label {P}sector-deps.prod)");
    }

    [Fact]
    public void AMaxParallelLabelAlone_DeclaresNoSector_SoAClusterInItIsRejected()
    {
        var document = Read(ValidCluster((P + "sector", "prod")), Labels((P + "sector-max-parallel-upgrades.prod", "2")));

        document.Policy!.Sectors.ShouldBeEmpty();
        OnlyError(document).ShouldStartWith($"label {P}sector: sector 'prod' is not a sector");
        document.Warnings.ShouldHaveSingleItem().Message.ShouldStartWith($"label {P}sector-max-parallel-upgrades.prod: declares no sector");
    }

    [Fact]
    public void Sectors_AreThoseWithDependencyLabels_AndEveryDependencyNamed()
    {
        var organization = Labels(
            (P + "sector-deps.prod", "stage,canary"),
            (P + "sector-deps.stage", ""),
            (P + "sector-max-parallel-upgrades.prod", "50%"),
            (P + "sector-max-parallel-upgrades.stage", "2"));

        var sectors = Read(ValidCluster(), organization).Policy!.Sectors;

        sectors.Select(s => s.Name.Value).ShouldBe(["canary", "prod", "stage"]);
        sectors[0].Dependencies.ShouldBeEmpty();
        sectors[1].Dependencies.ShouldBe([new SectorName("stage"), new SectorName("canary")]);
        sectors[1].MaxParallelUpgrades.ShouldBe(new ParallelLimit(50, IsPercent: true));
        sectors[2].MaxParallelUpgrades.ShouldBe(new ParallelLimit(2, IsPercent: false));
    }

    [Fact]
    public void AnInvalidMaxParallel_IsAnErrorNamingTheLabel() =>
        OnlyError(Read(ValidCluster(), Labels((P + "sector-deps.prod", ""), (P + "sector-max-parallel-upgrades.prod", "0"))))
            .ShouldStartWith($"label {P}sector-max-parallel-upgrades.prod: '0' is not a valid maxParallelUpgrades");

    [Fact]
    public void SectorCycles_AndSelfDependencies_AreErrors()
    {
        var document = Read(ValidCluster(), Labels((P + "sector-deps.a", "b"), (P + "sector-deps.b", "a"), (P + "sector-deps.c", "c")));

        document.Errors.Select(e => e.Message).ShouldBe(
        [
            $"label {P}sector-deps.b: sector dependency cycle a -> b -> a; sector dependencies must not form a cycle",
            $"label {P}sector-deps.c: sector 'c' depends on itself; a sector may only depend on other sectors",
        ]);
    }

    [Fact]
    public void OrganizationLabels_GiveBlockedVersionsAndTheVersionDataLists()
    {
        var policy = Read(ValidCluster(), Labels(
            (P + "blocked-versions", "^4\\.16\\..*$,4.15.1"),
            (P + "version-data.inherit", "org-b,org-a"),
            (P + "version-data.publish", "org-c"))).Policy!;

        policy.BlockedVersions.Select(p => p.Source).ShouldBe(["^4\\.16\\..*$", "4.15.1"]);
        policy.InheritVersionData.ShouldBe([new InheritedOrganization(new OrganizationId("org-b"), null), new InheritedOrganization(new OrganizationId("org-a"), null)]);
        policy.PublishVersionData.ShouldBe([new OrganizationId("org-c")]);
    }

    [Fact]
    public void InheritingFromItself_IsAnError() =>
        OnlyError(Read(ValidCluster(), Labels((P + "version-data.inherit", "org-1")))).ShouldStartWith($"label {P}version-data.inherit: the organization inherits version data from itself");

    [Fact]
    public void MissingRequiredLabels_AreEachAnError_OfTheCluster()
    {
        var document = Read(Labels((P + "mutexes", "m")));

        document.Errors.Select(e => e.Message).ShouldBe(
        [
            $"label {P}soak-days: missing; a cluster with sre-capabilities.aus.* labels needs soak-days, workloads and schedule",
            $"label {P}workloads: missing; a cluster with sre-capabilities.aus.* labels needs soak-days, workloads and schedule",
            $"label {P}schedule: missing; a cluster with sre-capabilities.aus.* labels needs soak-days, workloads and schedule",
        ]);
        document.Errors.ShouldAllBe(e => e.Cluster == "c1");
        document.Policy!.Clusters.ShouldBeEmpty();
        document.ClusterNames.ShouldBe(["c1"]);
    }

    [Fact]
    public void AnUnknownAusLabel_StillPullsTheClusterIn_WhichThenLacksItsRequiredLabels()
    {
        var document = Read(Labels((P + "soak-day", "3")));

        document.ClusterNames.ShouldBe(["c1"]);
        document.Errors.Count().ShouldBe(3);
        document.Warnings.ShouldHaveSingleItem().Message.ShouldBe($"label {P}soak-day: not a label aus knows; it is ignored");
    }

    [Fact]
    public void ClustersWithoutAusLabels_AreNotPartOfThePolicy()
    {
        var organization = new LabelledOrganization("org-1", Labels(), [new LabelledCluster("c1", ValidCluster()), new LabelledCluster("other", Labels(("owner", "team-a")))]);

        var document = LabelPolicyReader.Read(organization);

        document.ClusterNames.ShouldBe(["c1"]);
        organization.HasLabelledClusters.ShouldBeTrue();
        new LabelledOrganization("org-2", Labels((P + "blocked-versions", "x")), [new LabelledCluster("other", Labels())]).HasLabelledClusters.ShouldBeFalse();
    }

    [Fact]
    public void ADiagnostic_NamesTheOrganizationTheClusterAndTheLabel()
    {
        var error = Read(ValidCluster((P + "soak-days", "x"))).Errors.Single();

        error.Cluster.ShouldBe("c1");
        error.ToString().ShouldBe($"OCM labels of organization org-1, cluster c1: error: label {P}soak-days: 'x' is not an integer; expected an integer >= 0 such as \"7\"");
    }

    [Fact]
    public void AClusterWithErrors_IsLeftOut_AndOthersAreKept()
    {
        var organization = new LabelledOrganization(
            "org-1",
            Labels(),
            [new LabelledCluster("bad", ValidCluster((P + "schedule", "often"))), new LabelledCluster("good", ValidCluster())]);

        var document = LabelPolicyReader.Read(organization);

        document.ClusterNames.ShouldBe(["bad", "good"]);
        document.Policy!.Clusters.ShouldHaveSingleItem().Name.ShouldBe("good");
        document.Errors.ShouldHaveSingleItem().Cluster.ShouldBe("bad");
    }
}
