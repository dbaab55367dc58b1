using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Policies.Diagnostics;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Organizations;

public sealed class OrganizationReaderTests
{
    private const string Header = """
        name: my-org
        orgId: org-1
        upgradePolicyAllowedWorkloads: [svc]
        upgradePolicyAllowedMutexes: [prod]
        sectors:
        - name: stage
        - name: prod
          maxParallelUpgrades: "2"
          dependencies:
          - name: stage

        """;

    private static string[] Read(string yaml) =>
        [.. OrganizationReader.Read(yaml, "org.yaml").Diagnostics.Select(d => d.ToString())];

    private static string Cluster(string name, string policy) => $"""
        - name: {name}
          upgradePolicy:
        {Indent(policy, 4)}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(l => new string(' ', spaces) + l));

    private static string Org(params string[] clusters) => Header + "upgradePolicyClusters:\n" + string.Join('\n', clusters) + "\n";

    private const string Valid = "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions:\n  soakDays: 0";

    [Theory]
    [InlineData("simple-org.yaml", "simple-org", 3)]
    [InlineData("mutex-org.yaml", "mutex-org", 3)]
    [InlineData("sectors-org.yaml", "sectors-org", 6)]
    [InlineData("safety-org.yaml", "safety-org", 2)]
    public void Examples_AreValid(string file, string name, int clusters)
    {
        var path = Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", file);

        var document = OrganizationReader.Read(File.ReadAllText(path), file);

        document.Diagnostics.ShouldBeEmpty();
        document.Policy!.Name.ShouldBe(name);
        document.Policy.Clusters.Length.ShouldBe(clusters);
        document.ClusterNames.Length.ShouldBe(clusters);
    }

    [Fact]
    public async Task ReadFileAsync_ReadsTheFileAndNamesItInDiagnostics()
    {
        var path = Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", "sectors-org.yaml");

        var document = await OrganizationReader.ReadFileAsync(path, CancellationToken.None);

        document.HasErrors.ShouldBeFalse();
        document.File.ShouldBe(path);
        document.Policy!.Sectors.Select(s => s.Name.Value).ShouldBe(["stage", "prod-blue", "prod-green"]);
    }

    [Fact]
    public void Read_BuildsTheDomainModel()
    {
        var yaml = """
            name: my-org
            orgId: org-1
            environment: integration
            blockedVersions: ['^.*-rc\..*$']
            upgradePolicyAllowedWorkloads: [svc, db]
            upgradePolicyAllowedMutexes: [prod]
            sectors:
            - name: stage
            - name: prod
              maxParallelUpgrades: 50%
              dependencies: [{name: stage}]
            inheritVersionData: [{orgId: other, name: other-org}]
            publishVersionData: [{orgId: third}]
            upgradePolicyClusters:
            - name: prod-1
              upgradePolicy:
                workloads: [svc, db]
                schedule: 0 10 8-14 * 5
                versionGateApprovals: [api.openshift.com/gate-sts]
                conditions:
                  soakDays: 7
                  mutexes: [prod]
                  sector: prod
                  blockedVersions: [4.16.1]
            - name: stage-1
              upgradePolicy: {workloads: [svc], schedule: '0 * * * *'}
            """;

        var document = OrganizationReader.Read(yaml, "org.yaml");

        document.Diagnostics.ShouldBeEmpty();
        var policy = document.Policy!;
        policy.Environment.Value.ShouldBe("integration");
        policy.BlockedVersions.Single().Source.ShouldBe(@"^.*-rc\..*$");
        policy.Sectors[1].MaxParallelUpgrades.ShouldBe(new ParallelLimit(50, IsPercent: true));
        policy.Sectors[1].Dependencies.ShouldBe([new SectorName("stage")]);
        policy.InheritVersionData.ShouldBe([new InheritedOrganization(new OrganizationId("other"), "other-org")]);
        policy.PublishVersionData.ShouldBe([new OrganizationId("third")]);
        var prod = policy.Clusters[0];
        prod.Name.ShouldBe("prod-1");
        prod.Workloads.ShouldBe([new Workload("svc"), new Workload("db")]);
        prod.Schedule.Expression.ShouldBe("0 10 8-14 * 5");
        prod.SoakDays.ShouldBe(7);
        prod.Mutexes.ShouldBe([new MutexName("prod")]);
        prod.Sector.ShouldBe(new SectorName("prod"));
        prod.BlockedVersions.Single().Source.ShouldBe("4.16.1");
        prod.VersionGateApprovals.ShouldBe(["api.openshift.com/gate-sts"]);
        var stage = policy.Clusters[1];
        stage.SoakDays.ShouldBeNull();
        stage.Sector.ShouldBeNull();
    }

    [Fact]
    public void Read_Defaults_EnvironmentProductionAndEmptyLists()
    {
        var document = OrganizationReader.Read("name: a\norgId: b\n", "org.yaml");

        document.Diagnostics.ShouldBeEmpty();
        document.Policy!.Environment.Value.ShouldBe("production");
        document.Policy.Clusters.ShouldBeEmpty();
        document.Policy.AllowedWorkloads.ShouldBeEmpty();
    }

    [Fact]
    public void Read_Json_IsReadByTheSameParser()
    {
        var json = """
            {"name": "j", "orgId": "o", "upgradePolicyAllowedWorkloads": ["svc"],
             "upgradePolicyClusters": [{"name": "c", "upgradePolicy": {"workloads": ["svc"], "schedule": "0 0 * * *", "conditions": {"soakDays": 0}}}]}
            """;

        var document = OrganizationReader.Read(json, "org.json");

        document.Diagnostics.ShouldBeEmpty();
        document.Policy!.Clusters.Single().Name.ShouldBe("c");
    }

    [Theory]
    [InlineData("maxParallelUpgrades: 2", 2, false)]
    [InlineData("maxParallelUpgrades: \"2\"", 2, false)]
    [InlineData("maxParallelUpgrades: 25%", 25, true)]
    public void Read_MaxParallelUpgrades_AcceptsACountOrAPercentage(string line, int value, bool percent)
    {
        var document = OrganizationReader.Read($"name: a\norgId: b\nsectors:\n- name: s\n  {line}\n", "org.yaml");

        document.Diagnostics.ShouldBeEmpty();
        document.Policy!.Sectors.Single().MaxParallelUpgrades.ShouldBe(new ParallelLimit(value, percent));
    }

    [Fact]
    public void UnknownKey_IsAnErrorThatNamesTheAllowedKeys()
    {
        var yaml = Org(Cluster("c", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions:\n  soakday: 7"));

        // Ignored, the typo would leave the cluster without any soak check.
        Read(yaml).ShouldBe([
            "org.yaml:17:7: error: unknown key 'soakday' in upgradePolicyClusters[0].upgradePolicy.conditions; allowed keys are soakDays, mutexes, sector, blockedVersions",
        ]);
    }

    [Fact]
    public void HealthChecks_AreReadInOrder()
    {
        var document = OrganizationReader.Read("name: a\norgId: b\nausClusterHealthChecks:\n- provider: telemeter\n  enforced: true\n", "org.yaml");

        document.Diagnostics.ShouldBeEmpty();
        document.Policy!.HealthChecks.ShouldBe([new HealthCheck("telemeter", Enforced: true)]);
    }

    [Fact]
    public void HealthChecks_Absent_AreNone()
    {
        OrganizationReader.Read("name: a\norgId: b\n", "org.yaml").Policy!.HealthChecks.ShouldBeEmpty();
    }

    [Fact]
    public void HealthChecks_UnknownProvider_MissingEnforced_WrongTypeAndDuplicate_AreErrors()
    {
        Read("""
            name: a
            orgId: b
            ausClusterHealthChecks:
            - {provider: nagios, enforced: true}
            - {provider: telemeter}
            - {provider: telemeter, enforced: yes please}
            - {provider: telemeter, enforced: false}
            - {provider: telemeter, enforced: true}
            """).ShouldBe([
            "org.yaml:4:14: error: ausClusterHealthChecks[0].provider: unknown health provider 'nagios'; the providers are telemeter",
            "org.yaml:5:3: error: missing required key 'enforced' in ausClusterHealthChecks[1]",
            "org.yaml:6:35: error: ausClusterHealthChecks[2].enforced: expected true or false, found 'yes please'",
            "org.yaml:8:14: error: ausClusterHealthChecks[4].provider: health provider 'telemeter' is listed twice; list each provider once",
        ]);
    }

    [Fact]
    public void UnknownKey_AtTheTopLevel()
    {
        Read("name: a\norgId: b\nupgradePolicyCluster: []\n").ShouldBe([
            "org.yaml:3:1: error: unknown key 'upgradePolicyCluster' in the organization; allowed keys are name, orgId, environment, blockedVersions, upgradePolicyAllowedWorkloads, upgradePolicyAllowedMutexes, sectors, inheritVersionData, publishVersionData, upgradePolicyClusters, ausClusterHealthChecks, freezes, haltOnFailure, addonManagedUpgrades",
        ]);
    }

    [Fact]
    public void AddonManagedUpgrades_IsOffByDefault_AndReadWhenSet()
    {
        OrganizationReader.Read(Org(Cluster("c", Valid)), "org.yaml").Policy!.AddonManagedUpgrades.ShouldBeFalse();
        OrganizationReader.Read("addonManagedUpgrades: true\n" + Org(Cluster("c", Valid)), "org.yaml").Policy!.AddonManagedUpgrades.ShouldBeTrue();
    }

    [Fact]
    public void AddonManagedUpgrades_MustBeABoolean()
    {
        Read("name: a\norgId: b\naddonManagedUpgrades: sometimes\n").ShouldBe([
            "org.yaml:3:23: error: addonManagedUpgrades: expected true or false, found 'sometimes'",
        ]);
    }

    [Fact]
    public void DuplicateKey_IsAnError()
    {
        Read("name: a\norgId: b\nname: c\n").ShouldBe(["org.yaml:3:1: error: duplicate key 'name'; it is already defined on line 1"]);
    }

    [Fact]
    public void MissingRequiredKeys_AreEachReported()
    {
        var document = OrganizationReader.Read("environment: x\nupgradePolicyClusters:\n- upgradePolicy: {}\n", "org.yaml");

        document.Policy.ShouldBeNull();
        document.Diagnostics.Select(d => d.ToString()).ShouldBe([
            "org.yaml:1:1: error: missing required key 'name' in the organization",
            "org.yaml:1:1: error: missing required key 'orgId' in the organization",
            "org.yaml:3:3: error: missing required key 'name' in upgradePolicyClusters[0]",
            "org.yaml:3:18: error: missing required key 'workloads' in upgradePolicyClusters[0].upgradePolicy",
            "org.yaml:3:18: error: missing required key 'schedule' in upgradePolicyClusters[0].upgradePolicy",
        ]);
    }

    [Fact]
    public void MissingUpgradePolicy_IsAnError()
    {
        Read(Header + "upgradePolicyClusters:\n- name: c\n").ShouldBe([
            "org.yaml:12:3: error: missing required key 'upgradePolicy' in upgradePolicyClusters[0]",
        ]);
    }

    [Theory]
    [InlineData("name: [a]\norgId: b\n", "org.yaml:1:7: error: name: expected a string, found a list")]
    [InlineData("name: a\norgId: {x: 1}\n", "org.yaml:2:8: error: orgId: expected a string, found a mapping")]
    [InlineData("name: a\norgId: b\nupgradePolicyClusters: {}\n", "org.yaml:3:24: error: upgradePolicyClusters: expected a list of mappings with name and upgradePolicy, found a mapping")]
    [InlineData("name: a\norgId: b\nupgradePolicyClusters: [x]\n", "org.yaml:3:25: error: upgradePolicyClusters[0]: expected a mapping, found 'x'")]
    [InlineData("name: a\norgId: b\nblockedVersions: 4.12.1\n", "org.yaml:3:18: error: blockedVersions: expected a list of strings, found '4.12.1'")]
    [InlineData("name: a\norgId: b\nupgradePolicyAllowedWorkloads: [[x]]\n", "org.yaml:3:33: error: upgradePolicyAllowedWorkloads[0]: expected a string, found a list")]
    [InlineData("name: a\norgId: b\nsectors: [{name: s, dependencies: [s]}]\n", "org.yaml:3:36: error: sectors[0].dependencies[0]: expected a mapping, found 's'")]
    [InlineData("name: a\norgId: b\ninheritVersionData: [o]\n", "org.yaml:3:22: error: inheritVersionData[0]: expected a mapping, found 'o'")]
    [InlineData("name:\norgId: b\n", "org.yaml:1:6: error: name: expected a string, found null")]
    public void WrongType_NamesTheFieldTheExpectedTypeAndTheValue(string yaml, string expected)
    {
        Read(yaml).ShouldBe([expected]);
    }

    [Theory]
    [InlineData("soakDays: seven", "org.yaml:23:17: error: upgradePolicyClusters[1].upgradePolicy.conditions.soakDays: expected an integer >= 0, found 'seven'")]
    [InlineData("soakDays: 1.5", "org.yaml:23:17: error: upgradePolicyClusters[1].upgradePolicy.conditions.soakDays: expected an integer >= 0, found 1.5")]
    [InlineData("soakDays: '3'", "org.yaml:23:17: error: upgradePolicyClusters[1].upgradePolicy.conditions.soakDays: expected an integer >= 0, found '3'")]
    [InlineData("soakDays: -1", "org.yaml:23:17: error: upgradePolicyClusters[1].upgradePolicy.conditions.soakDays: soakDays must be an integer >= 0, found -1")]
    public void SoakDays_MustBeANonNegativeInteger(string condition, string expected)
    {
        var yaml = Org(Cluster("stage", Valid), Cluster("c", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions:\n  " + condition));

        Read(yaml).ShouldBe([expected]);
    }

    [Fact]
    public void Schedule_WrongType()
    {
        Read(Org(Cluster("c", "workloads: [svc]\nschedule: [0, 13]\nconditions: {soakDays: 0}"))).ShouldBe([
            "org.yaml:15:15: error: upgradePolicyClusters[0].upgradePolicy.schedule: expected a string, found a list",
        ]);
    }

    [Theory]
    [InlineData("0 48 * * 1-5", "'0 48 * * 1-5' is not a valid cron expression (Hours: Value must be a number between 0 and 23 (all inclusive)); expected 5 fields in UTC, such as '0 13 * * 1-5'")]
    [InlineData("0 13 * *", "'0 13 * *' is not a valid cron expression (expected 5 fields (minute hour day-of-month month day-of-week), found 4); expected 5 fields in UTC, such as '0 13 * * 1-5'")]
    [InlineData("0 0 13 * * 1-5", "'0 0 13 * * 1-5' is not a valid cron expression (expected 5 fields (minute hour day-of-month month day-of-week), found 6); expected 5 fields in UTC, such as '0 13 * * 1-5'")]
    public void Schedule_InvalidCron_IsAnError(string schedule, string message)
    {
        Read(Org(Cluster("c", $"workloads: [svc]\nschedule: {schedule}\nconditions: {{soakDays: 0}}"))).ShouldBe([
            $"org.yaml:15:15: error: upgradePolicyClusters[0].upgradePolicy.schedule: {message}",
        ]);
    }

    [Fact]
    public void Workloads_EmptyList_IsAnError()
    {
        Read(Org(Cluster("c", "workloads: []\nschedule: 0 13 * * 1-5"))).ShouldBe([
            "org.yaml:14:16: error: upgradePolicyClusters[0].upgradePolicy.workloads: at least one workload is required, found an empty list",
        ]);
    }

    [Fact]
    public void Workload_NotDeclared_IsAnErrorOfThatCluster()
    {
        var document = OrganizationReader.Read(Org(Cluster("c", "workloads: [svc, other]\nschedule: 0 13 * * 1-5\nconditions: {soakDays: 0}")), "org.yaml");

        var error = document.Errors.Single();
        error.ToString().ShouldBe("org.yaml:14:22: error: upgradePolicyClusters[0].upgradePolicy.workloads[1]: workload 'other' is not in upgradePolicyAllowedWorkloads; declared workloads are svc");
        error.Cluster.ShouldBe("c");
        document.Policy!.Clusters.ShouldBeEmpty();
        document.ClusterNames.ShouldBe(["c"]);
    }

    [Fact]
    public void Workload_WithoutAllowList_NothingIsDeclared()
    {
        Read("name: a\norgId: b\nupgradePolicyClusters:\n- name: c\n  upgradePolicy: {workloads: [svc], schedule: '0 13 * * *'}\n").ShouldBe([
            "org.yaml:5:31: error: upgradePolicyClusters[0].upgradePolicy.workloads[0]: workload 'svc' is not in upgradePolicyAllowedWorkloads; the organization declares no workloads (add them to upgradePolicyAllowedWorkloads)",
        ]);
    }

    [Fact]
    public void Mutex_NotDeclared_IsAnError()
    {
        Read(Org(Cluster("c", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions: {soakDays: 0, mutexes: [prod, dev]}"))).ShouldBe([
            "org.yaml:16:47: error: upgradePolicyClusters[0].upgradePolicy.conditions.mutexes[1]: mutex 'dev' is not in upgradePolicyAllowedMutexes; declared mutexes are prod",
        ]);
    }

    [Fact]
    public void Sector_Unknown_IsAnError()
    {
        Read(Org(Cluster("c", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions: {soakDays: 0, sector: blue}"))).ShouldBe([
            "org.yaml:16:39: error: upgradePolicyClusters[0].upgradePolicy.conditions.sector: sector 'blue' is not a sector of this organization; declared sectors are stage, prod",
        ]);
    }

    [Fact]
    public void SectorDependency_OnAnUnknownSector_IsAnError()
    {
        Read("name: a\norgId: b\nsectors:\n- name: prod\n  dependencies: [{name: stage}]\n").ShouldBe([
            "org.yaml:5:25: error: sectors[0].dependencies[0].name: sector 'prod' depends on 'stage', which is not a sector of this organization; declared sectors are prod",
        ]);
    }

    [Fact]
    public void SectorDependency_OnItself_IsAnError()
    {
        Read("name: a\norgId: b\nsectors:\n- name: prod\n  dependencies: [{name: prod}]\n").ShouldBe([
            "org.yaml:5:25: error: sectors[0].dependencies[0].name: sector 'prod' depends on itself; a sector may only depend on other sectors",
        ]);
    }

    [Fact]
    public void SectorDependency_Cycle_IsReportedWithItsPath()
    {
        var yaml = """
            name: a
            orgId: b
            sectors:
            - name: a
              dependencies: [{name: c}]
            - name: b
              dependencies: [{name: a}]
            - name: c
              dependencies: [{name: b}]
            - name: d
              dependencies: [{name: a}]
            """;

        Read(yaml).ShouldBe([
            "org.yaml:7:25: error: sectors[1].dependencies[0].name: sector dependency cycle a -> c -> b -> a; sector dependencies must not form a cycle",
        ]);
    }

    [Fact]
    public void Sector_DuplicateName_IsAnError()
    {
        Read("name: a\norgId: b\nsectors:\n- name: s\n- name: s\n").ShouldBe([
            "org.yaml:5:9: error: sectors[1].name: duplicate sector name 's'; it is already defined on line 4",
        ]);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-1", "-1")]
    [InlineData("\"0\"", "'0'")]
    [InlineData("two", "'two'")]
    [InlineData("\"2.5\"", "'2.5'")]
    [InlineData("\"50 %\"", "'50 %'")]
    [InlineData("1.5", "1.5")]
    [InlineData("[2]", "a list")]
    public void MaxParallelUpgrades_Invalid_IsAnError(string value, string shown)
    {
        Read($"name: a\norgId: b\nsectors:\n- name: s\n  maxParallelUpgrades: {value}\n").ShouldBe([
            $"org.yaml:5:24: error: sectors[0].maxParallelUpgrades: {shown} is not a valid maxParallelUpgrades; expected a positive integer such as \"2\" or an integer percentage such as \"50%\"",
        ]);
    }

    [Fact]
    public void Cluster_DuplicateName_IsAnErrorOfThatCluster()
    {
        var document = OrganizationReader.Read(Org(Cluster("c", Valid), Cluster("c", Valid)), "org.yaml");

        var error = document.Errors.Single();
        error.ToString().ShouldBe("org.yaml:18:9: error: upgradePolicyClusters[1].name: duplicate cluster name 'c'; it is already defined on line 12");
        error.Cluster.ShouldBe("c");
        document.ClusterNames.ShouldBe(["c", "c"]);
    }

    [Fact]
    public void BlockedVersions_InvalidRegex_IsAnError()
    {
        Read("name: a\norgId: b\nblockedVersions: ['4.12.*', '(4.13', '[']\n").ShouldBe([
            "org.yaml:3:29: error: blockedVersions[1]: '(4.13' is not a valid regular expression (at offset 5: Not enough )'s)",
            "org.yaml:3:38: error: blockedVersions[2]: '[' is not a valid regular expression (at offset 1: Unterminated [] set)",
        ]);
    }

    [Fact]
    public void ClusterBlockedVersions_InvalidRegex_IsAnErrorOfThatCluster()
    {
        var document = OrganizationReader.Read(Org(Cluster("c", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions: {soakDays: 0, blockedVersions: ['*']}")), "org.yaml");

        var error = document.Errors.Single();
        error.ToString().ShouldBe("org.yaml:16:49: error: upgradePolicyClusters[0].upgradePolicy.conditions.blockedVersions[0]: '*' is not a valid regular expression (at offset 1: Quantifier '*' following nothing)");
        error.Cluster.ShouldBe("c");
    }

    [Fact]
    public void InheritVersionData_FromItself_IsAnError()
    {
        Read("name: a\norgId: b\ninheritVersionData:\n- orgId: b\n").ShouldBe([
            "org.yaml:4:10: error: inheritVersionData[0].orgId: the organization inherits version data from itself (orgId 'b'); remove this entry",
        ]);
    }

    [Fact]
    public void Workload_ThatCanNeverSoak_IsAWarning()
    {
        var document = OrganizationReader.Read(Org(Cluster("c", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions: {soakDays: 3}")), "org.yaml");

        document.HasErrors.ShouldBeFalse();
        var warning = document.Warnings.Single();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Cluster.ShouldBeNull();
        warning.ToString().ShouldBe("org.yaml:14:17: warning: workload 'svc': no cluster running it has soakDays: 0 and no version data is inherited, so no version can ever soak for it; give at least one such cluster soakDays: 0, or inherit version data");
        document.Policy!.Clusters.Length.ShouldBe(1);
    }

    [Fact]
    public void Workload_ThatCanNeverSoak_IsFineWhenVersionDataIsInherited()
    {
        var yaml = Org(Cluster("c", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions: {soakDays: 3}")) + "inheritVersionData: [{orgId: stage-org}]\n";

        Read(yaml).ShouldBeEmpty();
    }

    [Fact]
    public void Workload_WithoutSoakDays_HasNoSoakCheckAndCanSoak()
    {
        Read(Org(Cluster("a", "workloads: [svc]\nschedule: 0 13 * * 1-5"), Cluster("b", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions: {soakDays: 3}"))).ShouldBeEmpty();
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var yaml = Org(
            Cluster("a", "workloads: [nope]\nschedule: 0 99 * * *\nconditions: {soakDays: -2, sector: x, mutexes: [y]}"),
            Cluster("a", "workloads: [svc]\nschedule: 0 13 * * 1-5\nconditions: {soakDays: 0, soakday: 1}"));

        var document = OrganizationReader.Read(yaml, "org.yaml");

        document.Errors.Count().ShouldBe(7);
        document.Policy!.Clusters.ShouldBeEmpty();
        document.ClusterNames.ShouldBe(["a", "a"]);
    }

    [Fact]
    public void Read_ValidClustersAreKept_InvalidOnesLeftOut()
    {
        var document = OrganizationReader.Read(Org(Cluster("good", Valid), Cluster("bad", "workloads: [svc]\nschedule: nope")), "org.yaml");

        document.Policy!.Clusters.Select(c => c.Name).ShouldBe(["good"]);
        document.ClusterNames.ShouldBe(["good", "bad"]);
        document.Errors.Single().Cluster.ShouldBe("bad");
    }
}
