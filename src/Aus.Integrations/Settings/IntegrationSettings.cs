using System.Collections.Immutable;

namespace Aus.Integrations.Settings;

/// <summary>An environment's <c>prometheus:</c> and <c>notifications:</c> settings, as read (secrets not yet resolved).</summary>
public sealed record IntegrationSettings(PrometheusSettings? Prometheus, ImmutableArray<NotificationSinkSettings> Notifications)
{
    public static readonly IntegrationSettings None = new(null, []);
}

/// <summary><c>prometheus: {url, tokenEnv | tokenFile}</c>: the telemeter health provider's API.</summary>
public sealed record PrometheusSettings(Uri Url, SecretReference? Token);

/// <summary>One entry of <c>notifications:</c>.</summary>
public abstract record NotificationSinkSettings;

/// <summary><c>- webhook: {url, secretEnv | secretFile}</c>: CloudEvents posted to the URL, signed when a secret is given.</summary>
public sealed record WebhookSettings(Uri Url, SecretReference? Secret) : NotificationSinkSettings;

/// <summary>
/// <c>- slack: {webhookUrlEnv | webhookUrlFile}</c> (an incoming webhook, whose URL is a secret) or
/// <c>- slack: {tokenEnv | tokenFile, channel}</c> (a bot token posting to the channel).
/// </summary>
public sealed record SlackSettings(SecretReference? WebhookUrl, SecretReference? Token, string? Channel) : NotificationSinkSettings;
