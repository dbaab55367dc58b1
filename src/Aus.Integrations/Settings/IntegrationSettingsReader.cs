using System.Collections.Immutable;

namespace Aus.Integrations.Settings;

/// <summary>
/// Reads an environment's <c>prometheus</c> and <c>notifications</c> values from plain data, as a
/// settings loader hands them over: a mapping is an <see cref="IReadOnlyDictionary{TKey, TValue}"/>
/// of string keys, a list an <see cref="IReadOnlyList{T}"/>, a scalar its string. Every problem is
/// added to the errors, named by path (<paramref name="where"/> is the environment's own path).
/// </summary>
public static class IntegrationSettingsReader
{
    private static readonly string[] PrometheusKeys = ["url", "tokenEnv", "tokenFile"];
    private static readonly string[] WebhookKeys = ["url", "secretEnv", "secretFile"];
    private static readonly string[] SlackKeys = ["webhookUrlEnv", "webhookUrlFile", "tokenEnv", "tokenFile", "channel"];
    private static readonly string[] SinkKinds = ["webhook", "slack"];

    public static IntegrationSettings Read(object? prometheus, object? notifications, string where, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var prometheusSettings = prometheus is null ? null : ReadPrometheus(prometheus, $"{where}.prometheus", errors);
        var sinks = ImmutableArray.CreateBuilder<NotificationSinkSettings>();
        if (notifications is not null)
        {
            if (notifications is not IReadOnlyList<object?> items)
            {
                errors.Add($"{where}.notifications: expected a list of sinks (webhook or slack), found {Describe(notifications)}");
            }
            else
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (ReadSink(items[i], $"{where}.notifications[{i}]", errors) is { } sink)
                    {
                        sinks.Add(sink);
                    }
                }
            }
        }

        return new IntegrationSettings(prometheusSettings, sinks.ToImmutable());
    }

    private static PrometheusSettings? ReadPrometheus(object value, string path, ICollection<string> errors)
    {
        if (Mapping(value, path, PrometheusKeys, errors) is not { } mapping)
        {
            return null;
        }

        var url = RequiredUrl(mapping, "url", path, errors);
        var token = Secret(mapping, "tokenEnv", "tokenFile", path, errors);
        return url is null ? null : new PrometheusSettings(url, token);
    }

    private static NotificationSinkSettings? ReadSink(object? value, string path, ICollection<string> errors)
    {
        if (value is not IReadOnlyDictionary<string, object?> { Count: 1 } entry || !SinkKinds.Contains(entry.Keys.Single(), StringComparer.Ordinal))
        {
            errors.Add($"{path}: expected one of '- webhook: {{...}}' or '- slack: {{...}}', found {Describe(value)}");
            return null;
        }

        var (kind, body) = entry.Single();
        var bodyPath = $"{path}.{kind}";
        if (kind == "webhook")
        {
            if (Mapping(body, bodyPath, WebhookKeys, errors) is not { } webhook)
            {
                return null;
            }

            var url = RequiredUrl(webhook, "url", bodyPath, errors);
            var secret = Secret(webhook, "secretEnv", "secretFile", bodyPath, errors);
            return url is null ? null : new WebhookSettings(url, secret);
        }

        if (Mapping(body, bodyPath, SlackKeys, errors) is not { } slack)
        {
            return null;
        }

        var webhookUrl = Secret(slack, "webhookUrlEnv", "webhookUrlFile", bodyPath, errors);
        var token = Secret(slack, "tokenEnv", "tokenFile", bodyPath, errors);
        var channel = OptionalString(slack, "channel", bodyPath, errors);
        if ((webhookUrl is null) == (token is null))
        {
            errors.Add($"{bodyPath}: give either an incoming webhook (webhookUrlEnv or webhookUrlFile) or a bot token (tokenEnv or tokenFile) with a channel");
            return null;
        }

        if (token is not null && channel is null)
        {
            errors.Add($"{bodyPath}: a bot token needs a channel to post to (channel: '#upgrades')");
            return null;
        }

        if (webhookUrl is not null && channel is not null)
        {
            errors.Add($"{bodyPath}.channel: an incoming webhook posts to its own channel; channel goes with a bot token only");
            return null;
        }

        return new SlackSettings(webhookUrl, token, channel);
    }

    private static IReadOnlyDictionary<string, object?>? Mapping(object? value, string path, string[] allowed, ICollection<string> errors)
    {
        if (value is not IReadOnlyDictionary<string, object?> mapping)
        {
            errors.Add($"{path}: expected a mapping with {string.Join(", ", allowed)}, found {Describe(value)}");
            return null;
        }

        foreach (var key in mapping.Keys.Where(k => !allowed.Contains(k, StringComparer.Ordinal)))
        {
            var hint = key is "token" or "secret" or "webhookUrl"
                ? "; secrets never go in the settings file: name a variable (...Env) or a file (...File)"
                : string.Empty;
            errors.Add($"{path}: unknown key '{key}'; allowed keys are {string.Join(", ", allowed)}{hint}");
        }

        return mapping;
    }

    private static Uri? RequiredUrl(IReadOnlyDictionary<string, object?> mapping, string key, string path, ICollection<string> errors)
    {
        if (!mapping.TryGetValue(key, out var value) || value is null)
        {
            errors.Add($"{path}: missing required key '{key}'");
            return null;
        }

        if (value is not string text || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add($"{path}.{key}: expected an http or https URL, found {Describe(value)}");
            return null;
        }

        return url;
    }

    private static SecretReference? Secret(IReadOnlyDictionary<string, object?> mapping, string variableKey, string fileKey, string path, ICollection<string> errors)
    {
        var variable = OptionalString(mapping, variableKey, path, errors);
        var file = OptionalString(mapping, fileKey, path, errors);
        if (variable is not null && file is not null)
        {
            errors.Add($"{path}: give {variableKey} or {fileKey}, not both");
            return null;
        }

        return variable is null && file is null ? null : new SecretReference(variable, file);
    }

    private static string? OptionalString(IReadOnlyDictionary<string, object?> mapping, string key, string path, ICollection<string> errors)
    {
        if (!mapping.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is string { Length: > 0 } text)
        {
            return text;
        }

        errors.Add($"{path}.{key}: expected a non-empty string, found {Describe(value)}");
        return null;
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string text => $"'{text}'",
        IReadOnlyDictionary<string, object?> => "a mapping",
        IReadOnlyList<object?> => "a list",
        _ => value.GetType().Name,
    };
}
