using Aus.Policies.Settings;

namespace Aus.Policies.Tests.Settings;

public sealed class SettingsReaderTests
{
    private static string[] Problems(string yaml) =>
        [.. SettingsReader.Read(yaml, "aus.yaml").Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void AnEnvironment_KeepsItsKeys_AndThePlacesOfItsIntegrations()
    {
        var document = SettingsReader.Read("""
            policies: orgs
            concurrency: 4
            dryRun: true
            environments:
            - name: production
              url: https://api.openshift.com
              policySource: labels
              addonServiceVersion: v1
              credentials: {clientIdEnv: PROD_ID, clientSecretFile: /run/secret}
              prometheus: {url: https://telemeter.example/, tokenEnv: TELEMETER_TOKEN}
              notifications:
              - webhook: {url: https://hooks.example/aus}
            """, "aus.yaml");

        document.Diagnostics.ShouldBeEmpty();
        var settings = document.Settings!;
        settings.Policies.ShouldBe(["orgs"]);
        settings.Concurrency.ShouldBe(4);
        settings.DryRun.ShouldBe(true);
        var production = settings.Environments.ShouldHaveSingleItem();
        production.Name.ShouldBe("production");
        (production.Line, production.Column).ShouldBe((5, 3));
        production.PolicySource.ShouldBe(PolicySourceKind.Labels);
        production.AddonServiceVersion.ShouldBe("v1");
        production.Credentials.ShouldBe(new SettingsCredentials { ClientIdEnv = "PROD_ID", ClientSecretFile = "/run/secret" });
        var prometheus = production.Prometheus.ShouldBeAssignableTo<IReadOnlyDictionary<string, object?>>()!;
        prometheus["url"].ShouldBe("https://telemeter.example/");
        var sink = production.Notifications.ShouldBeAssignableTo<IReadOnlyList<object?>>()!.ShouldHaveSingleItem();
        sink.ShouldBeAssignableTo<IReadOnlyDictionary<string, object?>>()!.Keys.ShouldBe(["webhook"]);
        production.Locate("notifications[0].webhook.url: expected an http or https URL").ShouldBe((12, 20));
        production.Locate("prometheus: something").ShouldBe((10, 15));
        production.Locate("elsewhere").ShouldBe((5, 3), "a path it does not know is placed at the environment");
    }

    [Fact]
    public void PolicySource_DefaultsToFiles() =>
        SettingsReader.Read("environments: [{name: stage}]", "aus.yaml").Settings!.Environments.Single().PolicySource.ShouldBe(PolicySourceKind.Files);

    [Fact]
    public void EveryProblem_IsReportedAtOnce_WithLineAndColumn() =>
        Problems("""
            environments:
            - name: production
              policySource: configmap
              addonServiceVersion: v3
              credentials: {offlineToken: abc}
            - name: production
            - url: https://x
            concurrency: 65
            dryRun: maybe
            colour: blue
            """).ShouldBe([
            "aus.yaml:3:17: error: environments[0].policySource: expected files or labels, found 'configmap'",
            "aus.yaml:4:24: error: environments[0].addonServiceVersion: expected v1 or v2, found 'v3'",
            "aus.yaml:5:17: error: unknown key 'offlineToken' in credentials; allowed keys are clientId, clientIdEnv, clientSecretEnv, clientSecretFile, offlineTokenEnv, offlineTokenFile; secrets never go in the settings file: name a variable (...Env) or a file (...File)",
            "aus.yaml:6:3: error: environment 'production' is defined twice",
            "aus.yaml:7:3: error: an environment needs a 'name' (the value of 'environment' in the organization files)",
            "aus.yaml:8:14: error: concurrency '65' is not allowed; it must be a whole number from 1 to 64",
            "aus.yaml:9:9: error: dryRun: expected true or false, found 'maybe'",
            "aus.yaml:10:1: error: unknown key 'colour' in the settings file; allowed keys are environments, policies, state, interval, concurrency, dryRun, listen, shutdownTimeout, organizationDeadline",
        ]);

    [Fact]
    public void AnEmptyFile_GivesNoSettingsAndNoProblem()
    {
        var document = SettingsReader.Read("# nothing yet\n", "aus.yaml");

        document.Diagnostics.ShouldBeEmpty();
        document.Settings.ShouldBe(SettingsFile.Empty);
    }

    [Fact]
    public void AFileThatIsNotAMapping_IsAnError() =>
        Problems("- a\n- b\n").ShouldBe(["aus.yaml:1:1: error: the document is a list; expected a mapping of keys (environments, policies, state, ...)"]);

    [Fact]
    public void BrokenYaml_IsPlaced() =>
        Problems("policies: [a\n").ShouldHaveSingleItem().ShouldStartWith("aus.yaml:");
}
