using System.Collections.Immutable;
using Aus.Application.Health;
using Aus.Application.Notifications;
using Aus.Integrations.Health;
using Aus.Integrations.Notifications;

namespace Aus.Integrations.Settings;

/// <summary>Turns an environment's integration settings into adapters, resolving their secrets; every problem is reported.</summary>
public static class IntegrationFactory
{
    /// <summary>The telemeter provider, or none when the environment has no <c>prometheus</c> (or its token cannot be read).</summary>
    public static IClusterHealthProvider? HealthProvider(
        IntegrationSettings settings, HttpClient client, Func<string, string?> getVariable, Func<string, string> readFile, string where, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Prometheus is not { } prometheus)
        {
            return null;
        }

        string? token = null;
        if (prometheus.Token is { } reference && (token = reference.Resolve(getVariable, readFile, $"{where}.prometheus", errors)) is null)
        {
            return null;
        }

        return new TelemeterHealthProvider(client, new PrometheusEndpoint(prometheus.Url, token));
    }

    /// <summary>The environment's sinks, in the order listed; one whose secret cannot be read is left out and reported.</summary>
    public static ImmutableArray<INotificationSink> Sinks(
        IntegrationSettings settings, HttpClient client, Func<string, string?> getVariable, Func<string, string> readFile, string where, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sinks = ImmutableArray.CreateBuilder<INotificationSink>();
        for (var i = 0; i < settings.Notifications.Length; i++)
        {
            var path = $"{where}.notifications[{i}]";
            switch (settings.Notifications[i])
            {
                case WebhookSettings webhook:
                    string? secret = null;
                    if (webhook.Secret is null || (secret = webhook.Secret.Resolve(getVariable, readFile, path + ".webhook", errors)) is not null)
                    {
                        sinks.Add(new WebhookSink(client, new WebhookTarget(webhook.Url, secret)));
                    }

                    break;
                case SlackSettings { WebhookUrl: { } urlReference }:
                    if (urlReference.Resolve(getVariable, readFile, path + ".slack", errors) is { } url)
                    {
                        if (Uri.TryCreate(url, UriKind.Absolute, out var webhookUrl) && webhookUrl.Scheme is "http" or "https")
                        {
                            sinks.Add(new SlackSink(client, new SlackTarget { WebhookUrl = webhookUrl }));
                        }
                        else
                        {
                            errors.Add($"{path}.slack: the incoming-webhook URL in {urlReference} is not an http or https URL");
                        }
                    }

                    break;
                case SlackSettings { Token: { } tokenReference, Channel: { } channel }:
                    if (tokenReference.Resolve(getVariable, readFile, path + ".slack", errors) is { } token)
                    {
                        sinks.Add(new SlackSink(client, new SlackTarget { BotToken = token, Channel = channel }));
                    }

                    break;
            }
        }

        // The name keys the delivery records, so two entries for one destination would be one sink twice.
        foreach (var twice in sinks.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{where}.notifications: {twice.Key} is listed {twice.Count()} times; list each destination once");
        }

        return [.. sinks.DistinctBy(s => s.Name, StringComparer.Ordinal)];
    }
}
