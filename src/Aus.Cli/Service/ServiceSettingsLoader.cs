using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Aus.Ocm.Configuration;
using Aus.Storage;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aus.Cli.Service;

/// <summary>
/// Reads the settings file (YAML; JSON is YAML too) and applies the environment variables and the
/// command line over it, in that order of precedence: command line, environment, file, default.
/// Every problem is collected, so one start-up reports them all; file problems as FILE:LINE:COL.
/// </summary>
internal static class ServiceSettingsLoader
{
    public const string SettingsVariable = "AUS_SETTINGS";
    public const string IntervalVariable = "AUS_INTERVAL";
    public const string ListenVariable = "AUS_LISTEN";

    private static readonly string[] TopKeys = ["environments", "policies", "state", "interval", "concurrency", "dryRun", "listen", "shutdownTimeout"];
    private static readonly string[] EnvironmentKeys = ["name", "url", "tokenUrl", "credentials", "policySource"];
    private static readonly string[] CredentialKeys = ["clientId", "clientIdEnv", "clientSecretEnv", "clientSecretFile", "offlineTokenEnv", "offlineTokenFile"];

    public static Task<SettingsResult> LoadAsync(SettingsOverrides overrides, CancellationToken cancellationToken) =>
        LoadAsync(overrides, Environment.GetEnvironmentVariable, cancellationToken);

    public static async Task<SettingsResult> LoadAsync(SettingsOverrides overrides, Func<string, string?> getVariable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var errors = ImmutableArray.CreateBuilder<string>();
        var path = Pick(overrides.SettingsFile, getVariable(SettingsVariable));
        var (file, unreadable) = await ReadFileAsync(path, errors, cancellationToken);
        if (unreadable)
        {
            return new SettingsResult(null, errors.ToImmutable());
        }

        var settingsDirectory = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));

        // Policies: the command line replaces the file's list; relative paths in the file are relative to the file.
        var policies = overrides.Policies.Count > 0
            ? [.. overrides.Policies]
            : file.Policies.Select(p => settingsDirectory is null || Path.IsPathRooted(p) ? p : Path.Combine(settingsDirectory, p)).ToImmutableArray();
        // An environment whose policies are its OCM labels needs no organization file.
        if (policies.IsEmpty && !overrides.Labels && !file.Environments.Any(e => e.LabelPolicies))
        {
            errors.Add(path is null
                ? "aus: error: no organization files: give --config FILE... or a settings file (--settings / AUS_SETTINGS) with 'policies'"
                : $"{path}: error: no organization files: add 'policies' (files or directories) or give --config FILE...");
        }

        var state = ResolveState(overrides.State, getVariable(StateStoreOption.EnvironmentVariable), file, path, errors);
        var interval = ResolveDuration(Choose("--interval", overrides.Interval, IntervalVariable, getVariable(IntervalVariable), file.Interval, path), ServiceSettings.DefaultInterval, errors);
        var shutdown = ResolveDuration(Choose(null, null, null, null, file.ShutdownTimeout, path), ServiceSettings.DefaultShutdownTimeout, errors);
        var listen = ResolveListen(Choose("--listen", overrides.Listen, ListenVariable, getVariable(ListenVariable), file.Listen, path), errors);
        var environments = ResolveEnvironments(overrides, getVariable, file, path, errors);

        var clock = overrides.Clock;
        if (clock is not null && clock is not ("system" or "ocm-sim"))
        {
            errors.Add($"aus: error: --clock '{clock}' is not allowed; use system (the default) or ocm-sim");
        }

        if (errors.Count > 0)
        {
            return new SettingsResult(null, errors.ToImmutable()) { Policies = policies };
        }

        return new SettingsResult(
            new ServiceSettings
            {
                Environments = environments,
                Policies = policies,
                State = state!,
                Interval = interval,
                Concurrency = file.Concurrency?.Value ?? ServiceSettings.DefaultConcurrency,
                DryRun = overrides.DryRun || file.DryRun == true,
                Listen = listen ?? ServiceSettings.DefaultListen,
                ShutdownTimeout = shutdown,
                SimulatorClock = clock == "ocm-sim",
            },
            []);
    }

    /// <summary>
    /// The OCM environments a planning command talks to: from --ocm-url/--token-url, the OCM_*
    /// variables and the settings file (--settings or AUS_SETTINGS), with the same precedence and
    /// credential rules as `aus run`. <see cref="OcmSettings.Named"/> tells whether any of them names OCM at all.
    /// </summary>
    public static async Task<OcmSettings> LoadOcmAsync(
        string? settingsFile, string? ocmUrl, string? tokenUrl, Func<string, string?> getVariable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var errors = ImmutableArray.CreateBuilder<string>();
        var path = Pick(settingsFile, getVariable(SettingsVariable));
        var named = path is not null || Pick(ocmUrl, getVariable(OcmClientOptionsFactory.UrlVariable)) is not null;
        if (!named)
        {
            return new OcmSettings([], [], Named: false);
        }

        var (file, unreadable) = await ReadFileAsync(path, errors, cancellationToken);
        var environments = unreadable ? [] : ResolveEnvironments(new SettingsOverrides { OcmUrl = ocmUrl, TokenUrl = tokenUrl }, getVariable, file, path, errors);
        return new OcmSettings(errors.Count == 0 ? environments : [], errors.ToImmutable(), Named: true);
    }

    private static async Task<(FileSettings File, bool Unreadable)> ReadFileAsync(string? path, ImmutableArray<string>.Builder errors, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return (new FileSettings(), false);
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: error: cannot read the settings file: {e.Message}");
            return (new FileSettings(), true);
        }

        return (new FileReader(path, errors).Read(text), false);
    }

    private static StateLocation? ResolveState(string? option, string? variable, FileSettings file, string? path, ImmutableArray<string>.Builder errors)
    {
        var chosen = Choose("--state", option, StateStoreOption.EnvironmentVariable, variable, file.State, path);
        if (!StateLocation.TryParse(chosen?.Text, out var location, out var error))
        {
            errors.Add($"{chosen?.Where ?? "aus: error: default state store"}: {error}");
            return null;
        }

        if (chosen is { FromCommandLine: true } && location!.HasPassword)
        {
            errors.Add("aus: error: --state: a password does not go on the command line; put the URI in AUS_STATE, or the password in PGPASSWORD or ~/.pgpass");
            return null;
        }

        return location;
    }

    private static TimeSpan ResolveDuration(Chosen? chosen, TimeSpan fallback, ImmutableArray<string>.Builder errors)
    {
        if (chosen is null)
        {
            return fallback;
        }

        if (!DurationText.TryParse(chosen.Text, out var duration) || duration <= TimeSpan.Zero)
        {
            errors.Add($"{chosen.Where} '{chosen.Text}' is not a positive duration; write it like 5m, 30s, 1h30m or 500ms");
            return fallback;
        }

        return duration;
    }

    private static IPEndPoint? ResolveListen(Chosen? chosen, ImmutableArray<string>.Builder errors)
    {
        if (chosen is null)
        {
            return null;
        }

        var text = chosen.Text;
        if (IPEndPoint.TryParse(text.Trim(), out var endpoint) && endpoint.Port is >= 0 and <= 65535 && text.Contains(':', StringComparison.Ordinal))
        {
            return endpoint;
        }

        errors.Add($"{chosen.Where} '{text}' is not an ADDRESS:PORT; write it like 127.0.0.1:9090, 0.0.0.0:9090 or [::1]:9090 (port 0-65535; 0 picks a free one)");
        return null;
    }

    /// <summary>
    /// The one precedence rule of every setting: the command line wins over the environment, which
    /// wins over the settings file; null when none gives it (the setting's default applies).
    /// </summary>
    private static Chosen? Choose(string? optionName, string? option, string? variableName, string? variable, Located<string>? fromFile, string? path) =>
        optionName is not null && option is not null ? new Chosen(option, $"aus: error: {optionName}", FromCommandLine: true)
        : variableName is not null && !string.IsNullOrWhiteSpace(variable) ? new Chosen(variable, $"aus: error: {variableName}", FromCommandLine: false)
        : fromFile is not null ? new Chosen(fromFile.Value, $"{path}:{fromFile.Line}:{fromFile.Column}: error: {fromFile.Key}", FromCommandLine: false)
        : null;

    private static ImmutableArray<OcmEnvironmentSettings> ResolveEnvironments(
        SettingsOverrides overrides, Func<string, string?> getVariable, FileSettings file, string? path, ImmutableArray<string>.Builder errors)
    {
        var urlOverride = Pick(overrides.OcmUrl, getVariable(OcmClientOptionsFactory.UrlVariable));
        var tokenUrlOverride = Pick(overrides.TokenUrl, getVariable(OcmClientOptionsFactory.TokenUrlVariable));
        var concurrency = file.Concurrency?.Value;
        if (file.Environments.Count == 0)
        {
            var result = OcmClientOptionsFactory.FromEnvironment(getVariable, new OcmConnectionOverrides { OcmUrl = urlOverride, TokenUrl = tokenUrlOverride, MaxConcurrency = concurrency });
            errors.AddRange(result.Errors.Select(e => $"aus: error: {e}"));
            return result.Succeeded ? [new OcmEnvironmentSettings(null, result.Options!) { LabelPolicies = overrides.Labels }] : [];
        }

        if (file.Environments.Count > 1 && (urlOverride is not null || tokenUrlOverride is not null))
        {
            errors.Add($"aus: error: --ocm-url/OCM_URL and --token-url/OCM_TOKEN_URL choose the URLs of a single environment, and {path} has {file.Environments.Count}; set 'url' and 'tokenUrl' per environment and unset these");
        }

        var built = ImmutableArray.CreateBuilder<OcmEnvironmentSettings>();
        foreach (var environment in file.Environments)
        {
            var single = file.Environments.Count == 1;
            var credentials = environment.Credentials ?? new CredentialSource();
            var credentialErrors = new List<string>();
            string? Variable(string name) => name switch
            {
                OcmClientOptionsFactory.ClientIdVariable => credentials.ClientId ?? getVariable(credentials.ClientIdEnv ?? name),
                OcmClientOptionsFactory.ClientSecretVariable => credentials.ClientSecretFile is { } secretFile
                    ? ReadSecret(secretFile, credentialErrors)
                    : getVariable(credentials.ClientSecretEnv ?? name),
                OcmClientOptionsFactory.OfflineTokenVariable => credentials.OfflineTokenFile is { } tokenFile
                    ? ReadSecret(tokenFile, credentialErrors)
                    : getVariable(credentials.OfflineTokenEnv ?? name),
                _ => getVariable(name),
            };

            var result = OcmClientOptionsFactory.FromEnvironment(Variable, new OcmConnectionOverrides
            {
                OcmUrl = single && urlOverride is not null ? urlOverride : environment.Url,
                TokenUrl = single && tokenUrlOverride is not null ? tokenUrlOverride : environment.TokenUrl,
                MaxConcurrency = concurrency,
                DescribeVariable = name => name switch
                {
                    OcmClientOptionsFactory.ClientIdVariable => credentials.ClientId is null ? credentials.ClientIdEnv ?? name : "clientId",
                    OcmClientOptionsFactory.ClientSecretVariable => credentials.ClientSecretFile is { } file ? $"clientSecretFile {file}" : credentials.ClientSecretEnv ?? name,
                    OcmClientOptionsFactory.OfflineTokenVariable => credentials.OfflineTokenFile is { } file ? $"offlineTokenFile {file}" : credentials.OfflineTokenEnv ?? name,
                    _ => name,
                },
            });
            var where = $"{path}:{environment.Line}:{environment.Column}: error: environment {environment.Name}";
            errors.AddRange(credentialErrors.Select(e => $"{where}: {e}"));
            errors.AddRange(result.Errors.Select(e => $"{where}: {e}"));
            if (result.Succeeded)
            {
                built.Add(new OcmEnvironmentSettings(environment.Name, result.Options!) { LabelPolicies = overrides.Labels || environment.LabelPolicies });
            }
        }

        return built.ToImmutable();
    }

    private static string? ReadSecret(string file, List<string> errors)
    {
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"cannot read the credentials file {file}: {e.Message}");
            return null;
        }
    }

    private static string? Pick(string? preferred, string? fallback) =>
        !string.IsNullOrWhiteSpace(preferred) ? preferred : (!string.IsNullOrWhiteSpace(fallback) ? fallback : null);

    /// <summary>A setting's text, the start of an error about it (where it came from), and whether the command line gave it.</summary>
    private sealed record Chosen(string Text, string Where, bool FromCommandLine);

    /// <summary>A value of the file with where it was written.</summary>
    private sealed record Located<T>(string Key, T Value, long Line, long Column);

    private sealed record EnvironmentEntry(string Name, string? Url, string? TokenUrl, CredentialSource? Credentials, long Line, long Column)
    {
        /// <summary>policySource: labels.</summary>
        public bool LabelPolicies { get; init; }
    }

    private sealed class FileSettings
    {
        public List<EnvironmentEntry> Environments { get; } = [];

        public List<string> Policies { get; } = [];

        public Located<string>? State { get; set; }

        public Located<string>? Interval { get; set; }

        public Located<int>? Concurrency { get; set; }

        public bool? DryRun { get; set; }

        public Located<string>? Listen { get; set; }

        public Located<string>? ShutdownTimeout { get; set; }
    }

    /// <summary>Walks the YAML tree, checking keys and types; every problem goes to the error list.</summary>
    private sealed class FileReader(string path, ImmutableArray<string>.Builder errors)
    {
        public FileSettings Read(string text)
        {
            var settings = new FileSettings();
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                errors.Add($"{path}:{Math.Max(1, e.Start.Line)}:{Math.Max(1, e.Start.Column)}: error: not valid YAML: {e.InnerException?.Message ?? e.Message}");
                return settings;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return settings;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Error(stream.Documents[0].RootNode, "the settings file must be a mapping of keys (environments, policies, state, ...)");
                return settings;
            }

            foreach (var (keyNode, value) in root.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                switch (key)
                {
                    case "environments":
                        ReadEnvironments(value, settings);
                        break;
                    case "policies":
                        settings.Policies.AddRange(Strings(value, "policies", "a list of organization files or directories"));
                        break;
                    case "state":
                        settings.State = Scalar(value, key, "a SQLite file path or a PostgreSQL URI");
                        break;
                    case "interval":
                        settings.Interval = Scalar(value, key, "a duration such as 5m");
                        break;
                    case "shutdownTimeout":
                        settings.ShutdownTimeout = Scalar(value, key, "a duration such as 30s");
                        break;
                    case "listen":
                        settings.Listen = Scalar(value, key, "ADDRESS:PORT such as 127.0.0.1:9090");
                        break;
                    case "concurrency":
                        var concurrency = Scalar(value, key, "a whole number from 1 to 64");
                        if (concurrency is not null)
                        {
                            if (int.TryParse(concurrency.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 64)
                            {
                                settings.Concurrency = new Located<int>(key, n, concurrency.Line, concurrency.Column);
                            }
                            else
                            {
                                Error(value, $"concurrency '{concurrency.Value}' is not allowed; it must be a whole number from 1 to 64");
                            }
                        }

                        break;
                    case "dryRun":
                        var dryRun = Scalar(value, key, "true or false");
                        if (dryRun is not null)
                        {
                            if (bool.TryParse(dryRun.Value, out var flag))
                            {
                                settings.DryRun = flag;
                            }
                            else
                            {
                                Error(value, $"dryRun '{dryRun.Value}' is not allowed; it must be true or false");
                            }
                        }

                        break;
                    default:
                        Error(keyNode, $"unknown key '{key}'; allowed keys are {string.Join(", ", TopKeys)}");
                        break;
                }
            }

            return settings;
        }

        private void ReadEnvironments(YamlNode node, FileSettings settings)
        {
            if (node is not YamlSequenceNode list)
            {
                Error(node, "environments must be a list of {name, url, tokenUrl, credentials}");
                return;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode mapping)
                {
                    Error(item, "an environment must be a mapping with name, url, tokenUrl and credentials");
                    continue;
                }

                string? name = null;
                string? url = null;
                string? tokenUrl = null;
                CredentialSource? credentials = null;
                var labelPolicies = false;
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                    switch (key)
                    {
                        case "name":
                            name = Scalar(value, "environments[].name", "an environment name such as production")?.Value;
                            break;
                        case "url":
                            url = Scalar(value, "environments[].url", "the OCM API URL")?.Value;
                            break;
                        case "tokenUrl":
                            tokenUrl = Scalar(value, "environments[].tokenUrl", "the OAuth2 token URL")?.Value;
                            break;
                        case "credentials":
                            credentials = ReadCredentials(value);
                            break;
                        case "policySource":
                            labelPolicies = ReadPolicySource(value);
                            break;
                        default:
                            Error(keyNode, $"unknown key '{key}' in an environment; allowed keys are {string.Join(", ", EnvironmentKeys)}");
                            break;
                    }
                }

                if (string.IsNullOrWhiteSpace(name))
                {
                    Error(mapping, "an environment needs a 'name' (the value of 'environment' in the organization files)");
                    continue;
                }

                if (!names.Add(name))
                {
                    Error(mapping, $"environment '{name}' is defined twice");
                    continue;
                }

                settings.Environments.Add(new EnvironmentEntry(name, url, tokenUrl, credentials, mapping.Start.Line, mapping.Start.Column) { LabelPolicies = labelPolicies });
            }
        }

        /// <summary>policySource: files (the default: the organization files) or labels (the environment's sre-capabilities.aus.* OCM labels).</summary>
        private bool ReadPolicySource(YamlNode node)
        {
            var text = Scalar(node, "environments[].policySource", "files or labels")?.Value;
            if (text is not null and not ("files" or "labels"))
            {
                Error(node, $"environments[].policySource '{text}' is not allowed; use files (organization files, the default) or labels (the environment's sre-capabilities.aus.* OCM labels)");
            }

            return text == "labels";
        }

        private CredentialSource? ReadCredentials(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node, $"credentials must be a mapping of {string.Join(", ", CredentialKeys)}");
                return null;
            }

            var source = new CredentialSource();
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                var text = CredentialKeys.Contains(key) ? Scalar(value, $"credentials.{key}", "a name")?.Value : null;
                source = key switch
                {
                    "clientId" => source with { ClientId = text },
                    "clientIdEnv" => source with { ClientIdEnv = text },
                    "clientSecretEnv" => source with { ClientSecretEnv = text },
                    "clientSecretFile" => source with { ClientSecretFile = text },
                    "offlineTokenEnv" => source with { OfflineTokenEnv = text },
                    "offlineTokenFile" => source with { OfflineTokenFile = text },
                    _ => Unknown(keyNode, key, source),
                };
            }

            if ((source.ClientSecretEnv is not null && source.ClientSecretFile is not null) || (source.OfflineTokenEnv is not null && source.OfflineTokenFile is not null))
            {
                Error(mapping, "credentials: give a secret either from a variable (...Env) or from a file (...File), not both");
            }

            if ((source.ClientId is not null || source.ClientIdEnv is not null || source.ClientSecretEnv is not null || source.ClientSecretFile is not null)
                && (source.OfflineTokenEnv is not null || source.OfflineTokenFile is not null))
            {
                Error(mapping, "credentials: choose a service account (clientId..., clientSecret...) or an offline token (offlineToken...), not both");
            }

            return source;
        }

        private CredentialSource Unknown(YamlNode keyNode, string key, CredentialSource source)
        {
            var hint = key is "clientSecret" or "offlineToken" or "token" or "password"
                ? "; secrets never go in the settings file: name a variable (...Env) or a file (...File)"
                : string.Empty;
            Error(keyNode, $"unknown key '{key}' in credentials; allowed keys are {string.Join(", ", CredentialKeys)}{hint}");
            return source;
        }

        private Located<string>? Scalar(YamlNode node, string key, string expected)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                return new Located<string>(key, value, node.Start.Line, node.Start.Column);
            }

            Error(node, $"{key} must be {expected}");
            return null;
        }

        private List<string> Strings(YamlNode node, string key, string expected)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } single })
            {
                return [single];
            }

            if (node is YamlSequenceNode list)
            {
                var values = new List<string>();
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } value })
                    {
                        values.Add(value);
                    }
                    else
                    {
                        Error(item, $"{key} must be {expected}");
                    }
                }

                return values;
            }

            Error(node, $"{key} must be {expected}");
            return [];
        }

        private void Error(YamlNode node, string message) =>
            errors.Add($"{path}:{node.Start.Line}:{node.Start.Column}: error: {message}");
    }
}
