using Aus.Domain.Fleet;
using Aus.Domain.Versions;
using Aus.Policies.Fleet;

namespace Aus.Policies.Tests.Fleet;

public sealed class FleetReaderTests
{
    private static string[] Read(string yaml) =>
        [.. FleetReader.Read(yaml, "fleet.yaml").Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Example_IsValid()
    {
        var path = Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", "sectors-fleet.yaml");

        var document = FleetReader.Read(File.ReadAllText(path), "sectors-fleet.yaml");

        document.Diagnostics.ShouldBeEmpty();
        var clusters = document.Snapshot!.Find(new OrganizationId("org-sectors"))!.Clusters;
        clusters.Length.ShouldBe(6);
        clusters[0].AvailableUpgrades.Select(v => v.ToString()).ShouldBe(["4.16.9", "4.16.10-rc.1"]);
    }

    [Fact]
    public void Read_EveryField()
    {
        var yaml = """
            versionGates:
            - {id: gate-416, versionRawIdPrefix: 4.16, label: api.openshift.com/gate-ocp, stsOnly: true}
            releases:
            - {version: 4.16.2, channels: [stable-4.16, fast-4.16]}
            organizations:
            - orgId: o1
              clusters:
              - name: hcp-1
                id: 2abc
                externalId: 6f0b
                product: rosa
                hypershift: true
                channel: stable-4.15
                version: 4.15.10
                availableUpgrades: [4.15.11, 4.16.2]
                availableChannels: [stable-4.15, stable-4.16]
                nodePools: [{id: workers, version: 4.15.9}]
                upgradePolicies:
                - {id: p-1, version: 4.15.11, kind: node-pool, nodePool: workers, nextRun: '2026-11-23T13:00:00Z', state: scheduled}
                - {id: p-2, version: 4.15.11, kind: control-plane, scheduleType: automatic}
                gateAgreements: [gate-416]
                healthErrors: [{source: telemeter, error: ClusterOperatorDown}, {source: t, error: e, enforce: false}]
                aws: {sts: {enabled: true}}
                labels: {team: a, tier: 1}
            """;

        var document = FleetReader.Read(yaml, "fleet.yaml");

        document.Diagnostics.ShouldBeEmpty();
        var snapshot = document.Snapshot!;
        snapshot.VersionGates.Single().ShouldBe(new VersionGate("gate-416", new MinorVersion(4, 16), "api.openshift.com/gate-ocp", StsOnly: true));
        document.Releases.Single().Channels.ShouldBe(["stable-4.16", "fast-4.16"]);
        var cluster = snapshot.Find(new OrganizationId("o1"))!.Clusters.Single();
        cluster.Id.ShouldBe(new ClusterId("2abc"));
        cluster.ExternalId.ShouldBe("6f0b");
        cluster.IsHostedControlPlane.ShouldBeTrue();
        cluster.NodePools.Single().Version.ShouldBe(OpenShiftVersion.Parse("4.15.9"));
        cluster.UpgradePolicies[0].Kind.ShouldBe(UpgradePolicyKind.NodePool);
        cluster.UpgradePolicies[0].NodePoolId.ShouldBe("workers");
        cluster.UpgradePolicies[0].NextRun.ShouldBe(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero));
        cluster.UpgradePolicies[0].State.ShouldBe(UpgradePolicyState.Scheduled);
        cluster.UpgradePolicies[1].Kind.ShouldBe(UpgradePolicyKind.ControlPlane);
        cluster.UpgradePolicies[1].ScheduleType.ShouldBe("automatic");
        cluster.GateAgreements.ShouldBe(["gate-416"]);
        cluster.HealthErrors.Select(h => h.Enforce).ShouldBe([true, false]);
        cluster.StsEnabled.ShouldBeTrue();
        cluster.Labels["tier"].ShouldBe("1");
    }

    [Fact]
    public void Read_Defaults_IdIsTheNameAndExternalIdIsDerived()
    {
        var document = FleetReader.Read("organizations:\n- orgId: o\n  clusters:\n  - {name: c1, channel: stable-4.16, version: 4.16.1}\n", "fleet.yaml");

        var cluster = document.Snapshot!.Organizations.Single().Clusters.Single();
        cluster.Id.Value.ShouldBe("c1");
        cluster.Product.ShouldBe("osd");
        cluster.Hypershift.ShouldBeFalse();
        cluster.ExternalId.ShouldBe(ClusterExternalIds.Derive("c1"));
        Guid.Parse(cluster.ExternalId).ToString().ShouldBe(cluster.ExternalId);
        ClusterExternalIds.Derive("c1").ShouldNotBe(ClusterExternalIds.Derive("c2"));
    }

    [Fact]
    public void ClusterExternalIds_AreVersion5Uuids()
    {
        var id = ClusterExternalIds.Derive("2abc");

        id[14].ShouldBe('5');
        "89ab".ShouldContain(id[19]);
    }

    [Theory]
    [InlineData("{name: c, channel: s, version: 4.16}", "fleet.yaml:4:36: error: organizations[0].clusters[0].version: '4.16' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1")]
    [InlineData("{name: c, channel: s, version: 4.16.1, availableUpgrades: [4.16.2, x]}", "fleet.yaml:4:72: error: organizations[0].clusters[0].availableUpgrades[1]: 'x' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1")]
    [InlineData("{name: c, channel: s, version: 4.16.1, nodePools: [{id: w, version: 4.x.1}]}", "fleet.yaml:4:73: error: organizations[0].clusters[0].nodePools[0].version: '4.x.1' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1")]
    [InlineData("{name: c, channel: s}", "fleet.yaml:4:5: error: missing required key 'version' in organizations[0].clusters[0]")]
    [InlineData("{name: c, version: 4.16.1}", "fleet.yaml:4:5: error: missing required key 'channel' in organizations[0].clusters[0]")]
    [InlineData("{name: c, channel: s, version: 4.16.1, produkt: osd}", "fleet.yaml:4:44: error: unknown key 'produkt' in organizations[0].clusters[0]; allowed keys are name, id, externalId, product, hypershift, channel, version, availableUpgrades, availableChannels, nodePools, addons, upgradePolicies, gateAgreements, healthErrors, aws, labels")]
    [InlineData("{name: c, channel: s, version: 4.16.1, product: ocp}", "fleet.yaml:4:53: error: organizations[0].clusters[0].product: 'ocp' is not allowed; expected one of osd, rosa")]
    [InlineData("{name: c, channel: s, version: 4.16.1, hypershift: yes}", "fleet.yaml:4:56: error: organizations[0].clusters[0].hypershift: expected true or false, found 'yes'")]
    [InlineData("{name: c, channel: s, version: 4.16.1, upgradePolicies: [{id: p, version: 4.16.2, state: running}]}", "fleet.yaml:4:94: error: organizations[0].clusters[0].upgradePolicies[0].state: 'running' is not allowed; expected one of pending, scheduled, started, delayed, failed, cancelled, completed")]
    [InlineData("{name: c, channel: s, version: 4.16.1, upgradePolicies: [{id: p, version: 4.16.2, nextRun: tomorrow}]}", "fleet.yaml:4:96: error: organizations[0].clusters[0].upgradePolicies[0].nextRun: 'tomorrow' is not an RFC 3339 time; expected a UTC time such as 2026-11-23T13:00:00Z")]
    [InlineData("{name: c, channel: s, version: 4.16.1, upgradePolicies: [{id: p, version: 4.16.2, nextRun: '2026-11-23T13:00:00'}]}", "fleet.yaml:4:96: error: organizations[0].clusters[0].upgradePolicies[0].nextRun: '2026-11-23T13:00:00' is not an RFC 3339 time; expected a UTC time such as 2026-11-23T13:00:00Z")]
    [InlineData("{name: c, channel: s, version: 4.16.1, upgradePolicies: [{id: p, version: 4.16.2, kind: node-pool}]}", "fleet.yaml:4:62: error: organizations[0].clusters[0].upgradePolicies[0]: an upgrade policy of kind node-pool needs 'nodePool: <node pool id>'")]
    [InlineData("{name: c, channel: s, version: 4.16.1, upgradePolicies: [{id: p, version: 4.16.2, nodePool: w}]}", "fleet.yaml:4:97: error: organizations[0].clusters[0].upgradePolicies[0].nodePool: nodePool is only allowed on upgrade policies of kind node-pool, this one is of kind cluster")]
    [InlineData("{name: c, channel: s, version: 4.16.1, upgradePolicies: [{id: p, version: 4.16.2, kind: node-pool, nodePool: w}]}", "fleet.yaml:4:114: error: organizations[0].clusters[0].upgradePolicies[0].nodePool: node pool 'w' is not a node pool of this cluster; the cluster declares no node pools (add them to nodePools)")]
    [InlineData("{name: c, channel: s, version: 4.16.1, gateAgreements: [g]}", "fleet.yaml:4:61: error: organizations[0].clusters[0].gateAgreements[0]: version gate 'g' is not in versionGates; the fleet snapshot declares no version gates (add them to versionGates)")]
    [InlineData("{name: c, channel: s, version: 4.16.1, aws: {sts: {enabled: 1}}}", "fleet.yaml:4:65: error: organizations[0].clusters[0].aws.sts.enabled: expected true or false, found 1")]
    public void InvalidCluster_IsReported(string cluster, string expected)
    {
        var document = FleetReader.Read($"organizations:\n- orgId: o\n  clusters:\n  - {cluster}\n", "fleet.yaml");

        document.Diagnostics.Select(d => d.ToString()).ShouldBe([expected]);
        document.Snapshot!.Organizations.Single().Clusters.ShouldBeEmpty();
    }

    [Fact]
    public void DuplicateClusterName_WithinAnOrganization_IsAnError()
    {
        Read("organizations:\n- orgId: o\n  clusters:\n  - {name: c, channel: s, version: 4.16.1}\n  - {name: c, channel: s, version: 4.16.1}\n").ShouldBe([
            "fleet.yaml:5:12: error: organizations[0].clusters[1].name: duplicate cluster name 'c' in organization 'o'; it is already defined on line 4",
        ]);
    }

    [Fact]
    public void SameClusterName_InTwoOrganizations_WithTheirOwnIds_IsFine()
    {
        Read("organizations:\n- orgId: a\n  clusters: [{name: c, id: c-a, channel: s, version: 4.16.1}]\n- orgId: b\n  clusters: [{name: c, id: c-b, channel: s, version: 4.16.1}]\n").ShouldBeEmpty();
    }

    [Fact]
    public void DuplicateClusterId_WithinAnOrganization_IsAnError()
    {
        Read("organizations:\n- orgId: o\n  clusters:\n  - {name: a, id: x, channel: s, version: 4.16.1}\n  - {name: b, id: x, channel: s, version: 4.16.1}\n").ShouldBe([
            "fleet.yaml:5:19: error: organizations[0].clusters[1].id: duplicate cluster id 'x'; it is already defined on line 4",
        ]);
    }

    [Fact]
    public void DuplicateClusterId_AcrossOrganizations_IsAnError_TheNameBeingTheDefaultId()
    {
        Read("organizations:\n- orgId: a\n  clusters: [{name: c, channel: s, version: 4.16.1}]\n- orgId: b\n  clusters: [{name: c, channel: s, version: 4.16.1}]\n").ShouldBe([
            "fleet.yaml:5:21: error: organizations[1].clusters[0].name: duplicate cluster id 'c'; it is already defined on line 3",
        ]);
    }

    [Theory]
    [InlineData("versionGates: [{id: g, versionRawIdPrefix: 4.16.1, label: l}]\n", "fleet.yaml:1:44: error: versionGates[0].versionRawIdPrefix: '4.16.1' is not a MAJOR.MINOR version; expected a version prefix such as \"4.16\"")]
    [InlineData("versionGates: [{id: g, versionRawIdPrefix: '4.16', label: l}, {id: g, versionRawIdPrefix: '4.17', label: l}]\n", "fleet.yaml:1:68: error: versionGates[1].id: duplicate version gate id 'g'; it is already defined on line 1")]
    [InlineData("releases: [{version: 4.16.1}, {version: 4.16.1}]\n", "fleet.yaml:1:41: error: releases[1].version: duplicate release '4.16.1'; it is already defined on line 1")]
    [InlineData("releases: [{version: 4.16}]\n", "fleet.yaml:1:22: error: releases[0].version: '4.16' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1")]
    [InlineData("organizations: [{orgId: o}, {orgId: o}]\n", "fleet.yaml:1:37: error: organizations[1].orgId: duplicate organization 'o'; it is already defined on line 1")]
    [InlineData("organisations: []\n", "fleet.yaml:1:1: error: unknown key 'organisations' in the fleet snapshot; allowed keys are versionGates, addonVersions, organizations, releases")]
    public void InvalidFleet_IsReported(string yaml, string expected)
    {
        Read(yaml).ShouldBe([expected]);
    }

    [Fact]
    public void Read_Addons_TheCatalogAndTheAddonPolicies()
    {
        var yaml = """
            addonVersions:
              addon-a: 1.3.0
              addon-b: "2.1.0"
            organizations:
            - orgId: o
              clusters:
              - name: c
                channel: stable-4.16
                version: 4.16.1
                addons:
                - {id: addon-a, version: 1.2.0, state: ready}
                - {id: addon-b, version: 2.0.0}
                - {id: addon-c, version: 0.1.0, state: installing}
                upgradePolicies:
                - {id: p-1, version: 4.16.2}
                - {id: p-2, version: 1.3.0, kind: addon, addon: addon-a, state: completed}
            """;

        var document = FleetReader.Read(yaml, "fleet.yaml");

        document.Diagnostics.ShouldBeEmpty();
        document.Snapshot!.AddonVersions.ShouldBe(new Dictionary<string, string> { ["addon-a"] = "1.3.0", ["addon-b"] = "2.1.0" }, ignoreOrder: true);
        var cluster = document.Snapshot.Find(new OrganizationId("o"))!.Clusters.Single();
        cluster.Addons.ShouldBe([new InstalledAddon("addon-a", "1.2.0", "ready"), new InstalledAddon("addon-b", "2.0.0", "ready"), new InstalledAddon("addon-c", "0.1.0", "installing")]);
        cluster.UpgradePolicies.Select(p => p.Id).ShouldBe(["p-1"]);
        var addonPolicy = cluster.AddonUpgradePolicies.Single();
        addonPolicy.Id.ShouldBe("p-2");
        addonPolicy.Kind.ShouldBe(UpgradePolicyKind.Addon);
        addonPolicy.AddonId.ShouldBe("addon-a");
        addonPolicy.State.ShouldBe(UpgradePolicyState.Completed);
    }

    [Theory]
    [InlineData("{name: c, channel: s, version: 4.16.1, addons: [{id: a, version: 1.x}]}", "fleet.yaml:4:70: error: organizations[0].clusters[0].addons[0].version: '1.x' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1")]
    [InlineData("{name: c, channel: s, version: 4.16.1, addons: [{version: 1.0.0}]}", "fleet.yaml:4:53: error: missing required key 'id' in organizations[0].clusters[0].addons[0]")]
    [InlineData("{name: c, channel: s, version: 4.16.1, addons: [{id: a, version: 1.0.0, state: running}]}", "fleet.yaml:4:84: error: organizations[0].clusters[0].addons[0].state: 'running' is not allowed; expected one of delete-failed, delete-pending, deleted, deleting, failed, installing, pending, ready, undefined, upgrading")]
    [InlineData("{name: c, channel: s, version: 4.16.1, addons: [{id: a, version: 1.0.0}, {id: a, version: 1.0.0}]}", "fleet.yaml:4:83: error: organizations[0].clusters[0].addons[1].id: duplicate add-on id 'a'; it is already defined on line 4")]
    [InlineData("{name: c, channel: s, version: 4.16.1, upgradePolicies: [{id: p, version: 1.0.0, kind: addon}]}", "fleet.yaml:4:62: error: organizations[0].clusters[0].upgradePolicies[0]: an upgrade policy of kind addon needs 'addon: <add-on id>'")]
    [InlineData("{name: c, channel: s, version: 4.16.1, upgradePolicies: [{id: p, version: 4.16.2, addon: a}]}", "fleet.yaml:4:94: error: organizations[0].clusters[0].upgradePolicies[0].addon: addon is only allowed on upgrade policies of kind addon, this one is of kind cluster")]
    public void InvalidAddon_IsReported(string cluster, string expected)
    {
        var document = FleetReader.Read($"organizations:\n- orgId: o\n  clusters:\n  - {cluster}\n", "fleet.yaml");

        document.Diagnostics.Select(d => d.ToString()).ShouldBe([expected]);
        document.Snapshot!.Organizations.Single().Clusters.ShouldBeEmpty();
    }

    [Fact]
    public void AddonVersions_MustBeVersions()
    {
        Read("addonVersions:\n  a: latest\n").ShouldBe([
            "fleet.yaml:2:6: error: addonVersions.a: 'latest' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1",
        ]);
    }

    [Fact]
    public void NonMappingFleet_IsAClearError()
    {
        Read("[]\n").ShouldBe(["fleet.yaml:1:1: error: the document is a list; expected a mapping with organizations"]);
    }

    [Fact]
    public void Labels_OfOrganizationsAndClusters_AreRead_KeepingTheirText()
    {
        const string Yaml = """
            organizations:
            - orgId: o1
              labels: {sre-capabilities.aus.sector-deps.prod: "", sre-capabilities.aus.blocked-versions: '4.16.1,'}
              clusters:
              - {name: c, channel: s, version: 4.16.1, labels: {sre-capabilities.aus.soak-days: 1.0, sre-capabilities.aus.workloads: 'a, b'}}
            """;

        var organization = FleetReader.Read(Yaml, "fleet.yaml").Snapshot!.Find(new OrganizationId("o1"))!;

        organization.Labels["sre-capabilities.aus.sector-deps.prod"].ShouldBe(string.Empty);
        organization.Labels["sre-capabilities.aus.blocked-versions"].ShouldBe("4.16.1,");
        organization.Clusters.Single().Labels["sre-capabilities.aus.soak-days"].ShouldBe("1.0");
        organization.Clusters.Single().Labels["sre-capabilities.aus.workloads"].ShouldBe("a, b");
    }

    [Fact]
    public void AnOrganizationLabelWithoutAValue_IsAnError() =>
        Read("organizations:\n- orgId: o1\n  labels: {k: }\n").ShouldBe(["fleet.yaml:3:15: error: organizations[0].labels[\"k\"]: expected a string, found null"]);
}
