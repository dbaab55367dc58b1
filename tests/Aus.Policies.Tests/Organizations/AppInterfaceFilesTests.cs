using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Policies.Files;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Organizations;

/// <summary>Organization files as app-interface keeps them: $schema, cross-references and schema keys aus does not use.</summary>
public sealed class AppInterfaceFilesTests : IDisposable
{
    private const string Schema = "$schema: /openshift/openshift-cluster-manager-1.yml";

    private readonly DirectoryInfo _checkout = Directory.CreateTempSubdirectory("aus-app-interface-");

    public AppInterfaceFilesTests()
    {
        Write("dependencies/ocm/environments/production.yml", """
            $schema: /openshift/openshift-cluster-manager-environment-1.yml
            labels: {}
            name: ocm-production
            description: OCM production
            url: https://api.openshift.com
            """);
        Write("openshift/stage-org/ocm.yml", $$"""
            {{Schema}}
            labels: {}
            name: stage-org
            description: the stage organization
            orgId: org-stage
            environment:
              $ref: /dependencies/ocm/environments/production.yml
            publishVersionData:
            - $ref: /openshift/prod-org/ocm.yml
            """);
        Write("openshift/prod-org/ocm.yml", $$"""
            {{Schema}}
            labels: {service: aus}
            name: prod-org
            description: the production organization
            orgId: org-prod
            environment:
              $ref: /dependencies/ocm/environments/production.yml
            accessTokenClientId: client
            accessTokenUrl: https://sso.example/token
            accessTokenClientSecret:
              path: app-sre/ocm/creds
              field: client_secret
            ausClusterHealthChecks:
            - provider: telemeter
              enforced: true
            addonManagedUpgrades: false
            disable:
              integrations: [ocm-upgrade-scheduler-org]
            blockedVersions: ['^.*-rc\..*$']
            upgradePolicyAllowedWorkloads: [svc]
            sectors:
            - name: canary
            - name: main
              maxParallelUpgrades: "2"
              dependencies:
              - name: canary
                ocm:
                  $ref: /openshift/prod-org/ocm.yml
            inheritVersionData:
            - $ref: /openshift/stage-org/ocm.yml
            upgradePolicyClusters:
            - name: prod-1
              serverUrl: https://api.prod-1.example:6443
              spec: {id: 2abc}
              upgradePolicy:
                workloads: [svc]
                schedule: 0 * * * *
                conditions:
                  soakDays: 2
                  sector: main
            """);
    }

    private string Data => Path.Combine(_checkout.FullName, "data");

    public void Dispose() => _checkout.Delete(recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(Data, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<OrganizationDocument> ReadAsync(string path, string? configDirectory = null) =>
        await OrganizationReader.ReadFileAsync(path, CancellationToken.None, configDirectory);

    [Fact]
    public async Task AnAppInterfaceFile_IsReadAsItIs_ResolvingItsReferences()
    {
        var document = await ReadAsync(Path.Combine(Data, "openshift/prod-org/ocm.yml"));

        document.Errors.ShouldBeEmpty();
        var policy = document.Policy!;
        policy.Environment.Value.ShouldBe("ocm-production");
        policy.InheritVersionData.ShouldBe([new InheritedOrganization(new OrganizationId("org-stage"), "stage-org")]);
        policy.Sectors.Single(s => s.Name.Value == "main").Dependencies.ShouldBe([new SectorName("canary")]);
        policy.Clusters.ShouldHaveSingleItem().Name.ShouldBe("prod-1");
    }

    [Fact]
    public async Task SchemaKeysAusDoesNotUse_AreAcceptedWithOneWarningEach()
    {
        var document = await ReadAsync(Path.Combine(Data, "openshift/prod-org/ocm.yml"));

        document.Warnings.Select(w => w.Message.Split(' ')[1]).ShouldBe(
            ["'labels'", "'description'", "'accessTokenClientId'", "'accessTokenUrl'", "'accessTokenClientSecret'", "'disable'", "'serverUrl'", "'spec'"]);
        document.Warnings.First().Message.ShouldBe("key 'labels' in the organization is part of app-interface's organization schema but not used by aus; ignored");
    }

    [Fact]
    public async Task PublishVersionData_ByReference_GivesTheOrganizationsId()
    {
        var document = await ReadAsync(Path.Combine(Data, "openshift/stage-org/ocm.yml"));

        document.Errors.ShouldBeEmpty();
        document.Policy!.PublishVersionData.ShouldBe([new OrganizationId("org-prod")]);
    }

    [Fact]
    public async Task UnknownKeys_AreStillErrors()
    {
        var path = Write("openshift/typo/ocm.yml", $"{Schema}\nname: t\norgId: o\nblockedVersion: []\n");

        var document = await ReadAsync(path);

        document.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("unknown key 'blockedVersion' in the organization");
    }

    [Fact]
    public async Task AReferenceToAMissingFile_IsAnErrorNamingTheReference()
    {
        var path = Write("openshift/broken/ocm.yml", $"{Schema}\nname: b\norgId: o\nenvironment:\n  $ref: /dependencies/ocm/environments/nowhere.yml\n");

        var error = (await ReadAsync(path)).Errors.ShouldHaveSingleItem();

        error.Message.ShouldStartWith("environment: $ref '/dependencies/ocm/environments/nowhere.yml' names no file");
        error.Line.ShouldBe(5);
    }

    [Fact]
    public async Task AReference_CannotLeaveTheConfigurationDirectory()
    {
        File.WriteAllText(Path.Combine(_checkout.FullName, "outside.yml"), "name: outside\n");
        var path = Write("openshift/escape/ocm.yml", $"{Schema}\nname: e\norgId: o\nenvironment:\n  $ref: /../outside.yml\n");

        (await ReadAsync(path)).Errors.ShouldHaveSingleItem().Message.ShouldStartWith("environment: $ref '/../outside.yml' names a file outside the configuration directory");
    }

    [Fact]
    public async Task TheConfigurationDirectory_MayBeGiven()
    {
        var path = Write("openshift/given/ocm.yml", $"{Schema}\nname: g\norgId: o\nenvironment:\n  $ref: /environments/production.yml\n");

        var document = await ReadAsync(path, configDirectory: Path.Combine(Data, "dependencies/ocm"));

        document.Errors.ShouldBeEmpty();
        document.Policy!.Environment.Value.ShouldBe("ocm-production");
    }

    [Fact]
    public async Task InheritingByReferenceFromAFileWithoutOrgId_IsAnError()
    {
        var path = Write("openshift/odd/ocm.yml", $"{Schema}\nname: x\norgId: o\ninheritVersionData:\n- $ref: /dependencies/ocm/environments/production.yml\n");

        (await ReadAsync(path)).Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "inheritVersionData[0]: $ref '/dependencies/ocm/environments/production.yml' names a file without 'orgId'; expected an organization file");
    }

    [Fact]
    public async Task ASectorDependencyOnAnotherOrganization_IsLinkedByNameWithAWarning()
    {
        var path = Write("openshift/cross/ocm.yml", $$"""
            {{Schema}}
            name: cross
            orgId: org-cross
            sectors:
            - name: canary
            - name: main
              dependencies:
              - name: canary
                ocm: {$ref: /openshift/stage-org/ocm.yml}
            """);

        var document = await ReadAsync(path);

        document.Errors.ShouldBeEmpty();
        document.Warnings.ShouldHaveSingleItem().Message.ShouldBe(
            "sectors[1].dependencies[0].ocm: the dependency names organization 'org-stage', but sector dependencies are resolved by name within this organization (sector 'canary'), as in AUS");
    }

    [Fact]
    public async Task AnotherSchema_IsNotAnOrganizationFile()
    {
        var path = Path.Combine(Data, "dependencies/ocm/environments/production.yml");

        (await ReadAsync(path)).Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "$schema: '/openshift/openshift-cluster-manager-environment-1.yml' is not an organization file; expected /openshift/openshift-cluster-manager-1.yml (or no $schema)");
        var source = await SourceFiles.LoadAsync(path, CancellationToken.None);
        PolicyFiles.ReadIfOrganization(source).ShouldBeNull();
        var (kind, diagnostics, _) = PolicyFiles.Validate(source);
        kind.ShouldBe(PolicyFileKind.OtherAppInterfaceFile);
        diagnostics.ShouldHaveSingleItem().IsError.ShouldBeFalse();
    }
}
