using Aus.Cli.Service;
using Aus.Integrations.Settings;

namespace Aus.Cli.Tests.Service;

/// <summary>The settings file and its overrides: every problem at once, precedence command line > environment > file.</summary>
public sealed class ServiceSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aus-settings-").FullName;

    [Fact]
    public async Task FileWithSeveralMistakes_ReportsEveryOne_WithLineAndColumn()
    {
        var file = Write("""
            environments:
            - name: production
              url: ftp://ocm.example.com
              credentials: {clientSecret: hunter2}
            - url: https://api.stage.openshift.com
            policies: []
            interval: 5 minutes
            concurrency: 0
            listen: localhost
            dryRun: maybe
            colour: blue
            """);

        var result = await LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables(("OCM_CLIENT_ID", "id"), ("OCM_CLIENT_SECRET", "secret")));

        result.Settings.ShouldBeNull();
        result.Errors.ShouldBe(
        [
            $"{file}:4:17: error: unknown key 'clientSecret' in credentials; allowed keys are clientId, clientIdEnv, clientSecretEnv, clientSecretFile, offlineTokenEnv, offlineTokenFile; secrets never go in the settings file: name a variable (...Env) or a file (...File)",
            $"{file}:5:3: error: an environment needs a 'name' (the value of 'environment' in the organization files)",
            $"{file}:8:14: error: concurrency '0' is not allowed; it must be a whole number from 1 to 64",
            $"{file}:10:9: error: dryRun: expected true or false, found 'maybe'",
            $"{file}:11:1: error: unknown key 'colour' in the settings file; allowed keys are environments, policies, state, interval, concurrency, dryRun, listen, shutdownTimeout, organizationDeadline",
            $"{file}: error: no organization files: add 'policies' (files or directories) or give --config FILE...",
            $"{file}:7:11: error: interval '5 minutes' is not a positive duration; write it like 5m, 30s, 1h30m or 500ms",
            $"{file}:9:9: error: listen 'localhost' is not an ADDRESS:PORT; write it like 127.0.0.1:9090, 0.0.0.0:9090 or [::1]:9090 (port 0-65535; 0 picks a free one)",
            $"{file}:2:3: error: environment production: OCM URL (--ocm-url / OCM_URL) 'ftp://ocm.example.com' is not allowed; it must be an absolute http:// or https:// URL",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task ServeWithABadSettingsFile_PrintsEveryProblem_AndExitsWithUsage()
    {
        var file = Write("""
            policies: [missing-dir]
            interval: -5m
            listen: 127.0.0.1:99999
            """);

        var run = await CliRun.RunAsync("serve", "--settings", file);

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Stderr.ShouldContain("interval '-5m' is not a positive duration");
        run.Stderr.ShouldContain("listen '127.0.0.1:99999' is not an ADDRESS:PORT");
        run.Stderr.ShouldContain("missing-dir");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task CommandLine_WinsOverEnvironment_WhichWinsOverTheFile()
    {
        var file = Write($"""
            policies: [orgs]
            interval: 10m
            listen: 127.0.0.1:9999
            state: {Path.Combine(_directory, "file.db")}
            """);
        var variables = Variables(("AUS_INTERVAL", "2m"), ("AUS_LISTEN", "0.0.0.0:9100"), ("OCM_TOKEN", "offline"));

        var fromEnvironment = (await LoadAsync(new SettingsOverrides { SettingsFile = file }, variables)).Settings!;
        var fromCommandLine = (await LoadAsync(new SettingsOverrides { SettingsFile = file, Interval = "30s", Listen = "127.0.0.1:9200" }, variables)).Settings!;
        var fromFile = (await LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables(("OCM_TOKEN", "offline")))).Settings!;

        fromFile.Interval.ShouldBe(TimeSpan.FromMinutes(10));
        fromFile.Listen.ToString().ShouldBe("127.0.0.1:9999");
        fromFile.State.Target.ShouldEndWith("file.db");
        fromFile.Policies.ShouldBe([Path.Combine(_directory, "orgs")], "relative to the settings file");
        fromEnvironment.Interval.ShouldBe(TimeSpan.FromMinutes(2));
        fromEnvironment.Listen.ToString().ShouldBe("0.0.0.0:9100");
        fromCommandLine.Interval.ShouldBe(TimeSpan.FromSeconds(30));
        fromCommandLine.Listen.ToString().ShouldBe("127.0.0.1:9200");
    }

    [Fact]
    public async Task Defaults_AreFiveMinutesAndLoopback()
    {
        var settings = (await LoadAsync(new SettingsOverrides { Policies = ["x.yaml"] }, Variables(("OCM_TOKEN", "t")))).Settings!;

        settings.Interval.ShouldBe(TimeSpan.FromMinutes(5));
        settings.Listen.ToString().ShouldBe("127.0.0.1:9090");
        settings.Concurrency.ShouldBe(8);
        settings.DryRun.ShouldBeFalse();
        settings.Environments.ShouldHaveSingleItem().Name.ShouldBeNull();
    }

    [Fact]
    public async Task EnvironmentCredentials_ComeFromTheNamedVariablesAndFiles()
    {
        var secretFile = Path.Combine(_directory, "secret");
        await File.WriteAllTextAsync(secretFile, "from-file\n");
        var file = Write($"""
            policies: [orgs]
            environments:
            - name: production
              credentials: {"{"}clientIdEnv: PROD_ID, clientSecretFile: {secretFile}{"}"}
            - name: stage
              url: https://api.stage.openshift.com
              credentials: {"{"}offlineTokenEnv: STAGE_TOKEN{"}"}
            """);

        var result = await LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables(("PROD_ID", "prod-sa"), ("STAGE_TOKEN", "t")));

        result.Errors.ShouldBeEmpty();
        var production = result.Settings!.Environments.Single(e => e.Name?.Value == "production").Options;
        production.Credentials!.ClientId.ShouldBe("prod-sa");
        var stage = result.Settings.Environments.Single(e => e.Name?.Value == "stage").Options;
        stage.Credentials!.IsOfflineToken.ShouldBeTrue();
        stage.BaseUrl.ShouldBe(new Uri("https://api.stage.openshift.com"));
    }

    [Fact]
    public async Task AnUnsetClientSecretEnv_IsNamedInTheError()
    {
        var file = Write("""
            policies: [orgs]
            environments:
            - name: production
              credentials: {clientIdEnv: PROD_ID, clientSecretEnv: PROD_SECRET}
            """);

        var result = await LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables(("PROD_ID", "prod-sa"), ("OCM_CLIENT_SECRET", "not-this-one")));

        result.Errors.ShouldBe([$"{file}:3:3: error: environment production: PROD_ID is set but PROD_SECRET is not; a service account needs both"]);
    }

    [Fact]
    public async Task EnvironmentIntegrations_AddOnServiceAndPolicySource_AreRead()
    {
        var file = Write("""
            policies: [orgs]
            environments:
            - name: production
              policySource: labels
              addonServiceVersion: v1
              prometheus: {url: https://telemeter.example/, tokenEnv: TELEMETER_TOKEN}
              notifications:
              - webhook: {url: https://hooks.example/aus, secretEnv: AUS_HOOK_SECRET}
              - slack: {webhookUrlEnv: SLACK_WEBHOOK_URL}
            """);

        var result = await LoadAsync(
            new SettingsOverrides { SettingsFile = file },
            Variables(("OCM_TOKEN", "offline"), ("TELEMETER_TOKEN", "t"), ("AUS_HOOK_SECRET", "s"), ("SLACK_WEBHOOK_URL", "https://hooks.slack.example/x")));

        result.Errors.ShouldBeEmpty();
        var production = result.Settings!.Environments.ShouldHaveSingleItem();
        production.PolicySource.ShouldBe(Aus.Policies.Settings.PolicySourceKind.Labels);
        production.Options.AddonService.ShouldBe("v1");
        production.Integrations.Prometheus.ShouldBe(new PrometheusSettings(new Uri("https://telemeter.example/"), new SecretReference("TELEMETER_TOKEN", null)));
        production.Integrations.Notifications.ShouldBe([
            new WebhookSettings(new Uri("https://hooks.example/aus"), new SecretReference("AUS_HOOK_SECRET", null)),
            new SlackSettings(new SecretReference("SLACK_WEBHOOK_URL", null), null, null),
        ]);
    }

    [Fact]
    public async Task AnIntegrationProblem_IsPlacedAtTheValueItNames()
    {
        var file = Write("""
            policies: [orgs]
            environments:
            - name: production
              prometheus: {url: telemeter, tokenEnv: T}
              notifications:
              - email: {to: sre@example.com}
            """);

        var result = await LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables(("OCM_TOKEN", "offline")));

        result.Errors.ShouldBe([
            $"{file}:4:21: error: environment production: prometheus.url: expected an http or https URL, found 'telemeter'",
            $"{file}:6:5: error: environment production: notifications[0]: expected one of '- webhook: {{...}}' or '- slack: {{...}}', found a mapping",
        ]);
    }

    [Fact]
    public async Task AnUnsetIntegrationSecret_IsAStartUpError_PlacedAtItsSink()
    {
        var file = Write("""
            policies: [orgs]
            environments:
            - name: production
              notifications:
              - slack: {webhookUrlEnv: SLACK_WEBHOOK_URL}
            """);

        var result = await LoadAsync(new SettingsOverrides { SettingsFile = file }, Variables(("OCM_TOKEN", "offline")));

        result.Errors.ShouldBe([$"{file}:5:12: error: environment production: notifications[0].slack: the environment variable SLACK_WEBHOOK_URL is not set"]);
    }

    [Theory]
    [InlineData("5m", 300)]
    [InlineData("30s", 30)]
    [InlineData("1h30m", 5400)]
    [InlineData("250ms", 0.25)]
    public void Durations_AreReadAsOperatorsWriteThem(string text, double seconds)
    {
        DurationText.TryParse(text, out var duration).ShouldBeTrue();
        duration.TotalSeconds.ShouldBe(seconds);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<SettingsResult> LoadAsync(SettingsOverrides overrides, Func<string, string?> variables) =>
        ServiceSettingsLoader.LoadAsync(overrides, variables, CancellationToken.None);

    private static Func<string, string?> Variables(params (string Name, string Value)[] pairs) =>
        name => pairs.FirstOrDefault(p => p.Name == name).Value;

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "aus.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
