using Aus.Integrations.Health;
using Aus.Integrations.Notifications;
using Aus.Integrations.Settings;

namespace Aus.Integrations.Tests.Settings;

public sealed class IntegrationSettingsTests
{
    private const string Where = "settings.yaml: environments[0]";

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static List<object?> List(params object?[] items) => [.. items];

    private static (IntegrationSettings Settings, List<string> Errors) Read(object? prometheus, object? notifications)
    {
        var errors = new List<string>();
        return (IntegrationSettingsReader.Read(prometheus, notifications, Where, errors), errors);
    }

    [Fact]
    public void TheDocumentedExample_IsRead()
    {
        var (settings, errors) = Read(
            Map(("url", "https://telemeter.example/"), ("tokenEnv", "TELEMETER_TOKEN")),
            List(
                Map(("webhook", Map(("url", "https://hooks.example/aus"), ("secretEnv", "AUS_HOOK_SECRET")))),
                Map(("slack", Map(("webhookUrlEnv", "SLACK_WEBHOOK_URL")))),
                Map(("slack", Map(("tokenFile", "/run/secrets/slack"), ("channel", "#upgrades"))))));

        errors.ShouldBeEmpty();
        settings.Prometheus.ShouldBe(new PrometheusSettings(new Uri("https://telemeter.example/"), new SecretReference("TELEMETER_TOKEN", null)));
        settings.Notifications.ShouldBe([
            new WebhookSettings(new Uri("https://hooks.example/aus"), new SecretReference("AUS_HOOK_SECRET", null)),
            new SlackSettings(new SecretReference("SLACK_WEBHOOK_URL", null), null, null),
            new SlackSettings(null, new SecretReference(null, "/run/secrets/slack"), "#upgrades"),
        ]);
    }

    [Fact]
    public void Absent_IsNone()
    {
        var (settings, errors) = Read(null, null);

        errors.ShouldBeEmpty();
        settings.ShouldBe(IntegrationSettings.None with { });
        settings.Prometheus.ShouldBeNull();
        settings.Notifications.ShouldBeEmpty();
    }

    [Fact]
    public void EveryProblem_IsReportedWithItsPath()
    {
        var (_, errors) = Read(
            Map(("url", "telemeter.example"), ("token", "abc")),
            List(
                Map(("email", Map())),
                Map(("webhook", Map(("secretEnv", "A"), ("secretFile", "/b")))),
                Map(("slack", Map(("webhookUrlEnv", "S"), ("tokenEnv", "T")))),
                Map(("slack", Map(("tokenEnv", "T")))),
                Map(("slack", Map(("webhookUrlEnv", "S"), ("channel", "#c")))),
                "webhook"));

        errors.ShouldBe([
            "settings.yaml: environments[0].prometheus: unknown key 'token'; allowed keys are url, tokenEnv, tokenFile; secrets never go in the settings file: name a variable (...Env) or a file (...File)",
            "settings.yaml: environments[0].prometheus.url: expected an http or https URL, found 'telemeter.example'",
            "settings.yaml: environments[0].notifications[0]: expected one of '- webhook: {...}' or '- slack: {...}', found a mapping",
            "settings.yaml: environments[0].notifications[1].webhook: missing required key 'url'",
            "settings.yaml: environments[0].notifications[1].webhook: give secretEnv or secretFile, not both",
            "settings.yaml: environments[0].notifications[2].slack: give either an incoming webhook (webhookUrlEnv or webhookUrlFile) or a bot token (tokenEnv or tokenFile) with a channel",
            "settings.yaml: environments[0].notifications[3].slack: a bot token needs a channel to post to (channel: '#upgrades')",
            "settings.yaml: environments[0].notifications[4].slack.channel: an incoming webhook posts to its own channel; channel goes with a bot token only",
            "settings.yaml: environments[0].notifications[5]: expected one of '- webhook: {...}' or '- slack: {...}', found 'webhook'",
        ]);
    }

    [Fact]
    public void NotificationsThatAreNotAList_AreAnError()
    {
        Read(null, Map(("webhook", Map()))).Errors.ShouldBe([
            "settings.yaml: environments[0].notifications: expected a list of sinks (webhook or slack), found a mapping",
        ]);
    }

    [Fact]
    public void Factory_ResolvesSecretsFromVariablesAndFiles_IntoSinksAndTheHealthProvider()
    {
        var (settings, _) = Read(
            Map(("url", "https://telemeter.example/"), ("tokenFile", "/secrets/telemeter")),
            List(
                Map(("webhook", Map(("url", "https://hooks.example/aus"), ("secretEnv", "HOOK_SECRET")))),
                Map(("slack", Map(("webhookUrlEnv", "SLACK_URL"))))));
        var variables = new Dictionary<string, string?> { ["HOOK_SECRET"] = "s3cret", ["SLACK_URL"] = "https://hooks.slack.com/services/T/B/X" };
        var files = new Dictionary<string, string> { ["/secrets/telemeter"] = "token-1\n" };
        var errors = new List<string>();
        using var client = new HttpClient();

        var provider = IntegrationFactory.HealthProvider(settings, client, variables.GetValueOrDefault, f => files[f], Where, errors);
        var sinks = IntegrationFactory.Sinks(settings, client, variables.GetValueOrDefault, f => files[f], Where, errors);

        errors.ShouldBeEmpty();
        provider.ShouldBeOfType<TelemeterHealthProvider>().Name.ShouldBe("telemeter");
        sinks.Select(s => s.Name).ShouldBe(["webhook https://hooks.example/aus", "slack https://hooks.slack.com/…"]);
    }

    [Fact]
    public void Factory_UnsetVariableOrUnreadableFile_LeavesTheAdapterOutAndSaysWhy()
    {
        var (settings, _) = Read(
            Map(("url", "https://telemeter.example/"), ("tokenEnv", "TELEMETER_TOKEN")),
            List(Map(("slack", Map(("tokenFile", "/missing"), ("channel", "#c")))), Map(("slack", Map(("webhookUrlEnv", "SLACK_URL"))))));
        var errors = new List<string>();
        using var client = new HttpClient();
        string? NoVariables(string name) => name == "SLACK_URL" ? "not a url" : null;

        IntegrationFactory.HealthProvider(settings, client, NoVariables, f => throw new FileNotFoundException($"Could not find file '{f}'."), Where, errors).ShouldBeNull();
        IntegrationFactory.Sinks(settings, client, NoVariables, f => throw new FileNotFoundException($"Could not find file '{f}'."), Where, errors).ShouldBeEmpty();

        errors.ShouldBe([
            "settings.yaml: environments[0].prometheus: the environment variable TELEMETER_TOKEN is not set",
            "settings.yaml: environments[0].notifications[0].slack: cannot read the file /missing: Could not find file '/missing'.",
            "settings.yaml: environments[0].notifications[1].slack: the incoming-webhook URL in variable SLACK_URL is not an http or https URL",
        ]);
    }

    [Fact]
    public void Factory_TheSameDestinationTwice_IsAnError()
    {
        var hook = Map(("webhook", Map(("url", "https://hooks.example/aus"))));
        var (settings, _) = Read(null, List(hook, hook));
        var errors = new List<string>();
        using var client = new HttpClient();

        IntegrationFactory.Sinks(settings, client, _ => null, File.ReadAllText, Where, errors).Length.ShouldBe(1);

        errors.ShouldBe(["settings.yaml: environments[0].notifications: webhook https://hooks.example/aus is listed 2 times; list each destination once"]);
    }
}
