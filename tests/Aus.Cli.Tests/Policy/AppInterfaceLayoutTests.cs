using System.Text.Json.Nodes;
using Aus.TestKit;

namespace Aus.Cli.Tests.Policy;

/// <summary>An app-interface checkout's organization directory validates and plans as it is.</summary>
public sealed class AppInterfaceLayoutTests : IDisposable
{
    private readonly DirectoryInfo _checkout = Directory.CreateTempSubdirectory("aus-app-interface-cli-");

    public AppInterfaceLayoutTests()
    {
        var data = Path.Combine(_checkout.FullName, "data");
        Directory.CreateDirectory(Path.Combine(data, "dependencies/ocm/environments"));
        File.WriteAllText(Path.Combine(data, "dependencies/ocm/environments/production.yml"), """
            $schema: /openshift/openshift-cluster-manager-environment-1.yml
            labels: {}
            name: production
            url: https://api.openshift.com
            """);
        OrganizationDirectory = Directory.CreateDirectory(Path.Combine(data, "openshift/sectors")).FullName;
        var original = File.ReadAllText(RepositoryPaths.Example("sectors-org.yaml"));
        File.WriteAllText(Path.Combine(OrganizationDirectory, "ocm.yml"), """
            $schema: /openshift/openshift-cluster-manager-1.yml
            labels: {service: aus}
            description: the sectors example as app-interface keeps it
            environment:
              $ref: /dependencies/ocm/environments/production.yml
            accessTokenClientId: aus
            accessTokenUrl: https://sso.example/token
            accessTokenClientSecret: {path: app-sre/creds/ocm, field: client_secret}
            disable: {integrations: [ocm-upgrade-scheduler-org]}

            """ + original);
        File.WriteAllText(Path.Combine(OrganizationDirectory, "cluster.yml"), "$schema: /openshift/cluster-1.yml\nname: not-an-organization\n");
    }

    private string OrganizationDirectory { get; }

    public void Dispose() => _checkout.Delete(recursive: true);

    [Fact]
    public async Task TheDirectory_Validates_WithAWarningPerUnusedKey()
    {
        var run = await CliRun.RunAsync("validate", OrganizationDirectory);

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.StderrLines.Count(l => l.Contains("is part of app-interface's organization schema but not used by aus", StringComparison.Ordinal)).ShouldBe(6);
        run.StderrLines.ShouldContain(l => l.StartsWith(Path.Combine(OrganizationDirectory, "cluster.yml"), StringComparison.Ordinal) && l.Contains("not checked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDirectory_Plans_AsTheExampleDoes()
    {
        string[] common = ["--fleet", RepositoryPaths.Example("sectors-fleet.yaml"), "--history", RepositoryPaths.Example("sectors-history.json"), "--now", "2026-11-23T12:00:00Z", "--output", "json"];

        var fromAppInterface = await CliRun.RunAsync(["plan", "--config", OrganizationDirectory, .. common]);
        var fromExample = await CliRun.RunAsync(["plan", "--config", RepositoryPaths.Example("sectors-org.yaml"), .. common]);

        fromAppInterface.ExitCode.ShouldBe(0, fromAppInterface.Stderr);
        var actions = JsonNode.Parse(fromAppInterface.Stdout)!["organizations"]![0]!["actions"]!.ToJsonString();
        actions.ShouldBe(JsonNode.Parse(fromExample.Stdout)!["organizations"]![0]!["actions"]!.ToJsonString());
        actions.ShouldContain("create-upgrade-policy");
    }
}
