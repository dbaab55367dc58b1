using System.Collections.Immutable;
using System.Net;
using Aus.Domain.Fleet;
using Aus.Integrations.Settings;
using Aus.Ocm.Configuration;
using Aus.Policies.Settings;
using Aus.Storage;

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
    public const string OrganizationDeadlineVariable = "AUS_ORGANIZATION_DEADLINE";

    public static Task<SettingsResult> LoadAsync(SettingsOverrides overrides, CancellationToken cancellationToken) =>
        LoadAsync(overrides, Environment.GetEnvironmentVariable, cancellationToken);

    public static async Task<SettingsResult> LoadAsync(SettingsOverrides overrides, Func<string, string?> getVariable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var errors = ImmutableArray.CreateBuilder<string>();
        var path = Choose("--settings", overrides.SettingsFile, SettingsVariable, getVariable(SettingsVariable), null, null)?.Text;
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
        if (policies.IsEmpty && !overrides.Labels && !file.Environments.Any(e => e.PolicySource == PolicySourceKind.Labels))
        {
            errors.Add(path is null
                ? "aus: error: no organization files: give --config FILE... or a settings file (--settings / AUS_SETTINGS) with 'policies'"
                : $"{path}: error: no organization files: add 'policies' (files or directories) or give --config FILE...");
        }

        var state = ResolveState(overrides.State, getVariable(StateStoreOption.EnvironmentVariable), file, path, errors);
        var interval = ResolveDuration(Choose("--interval", overrides.Interval, IntervalVariable, getVariable(IntervalVariable), file.Interval, path), ServiceSettings.DefaultInterval, errors);
        var shutdown = ResolveDuration(Choose(null, null, null, null, file.ShutdownTimeout, path), ServiceSettings.DefaultShutdownTimeout, errors);
        var deadline = ResolveDuration(
            Choose(null, null, OrganizationDeadlineVariable, getVariable(OrganizationDeadlineVariable), file.OrganizationDeadline, path), ServiceSettings.DefaultOrganizationDeadline, errors);
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
                Concurrency = file.Concurrency ?? ServiceSettings.DefaultConcurrency,
                DryRun = overrides.DryRun || file.DryRun == true,
                Listen = listen ?? ServiceSettings.DefaultListen,
                ShutdownTimeout = shutdown,
                OrganizationDeadline = deadline,
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
        var path = Choose("--settings", settingsFile, SettingsVariable, getVariable(SettingsVariable), null, null)?.Text;
        var named = path is not null || Choose("--ocm-url", ocmUrl, OcmClientOptionsFactory.UrlVariable, getVariable(OcmClientOptionsFactory.UrlVariable), null, null) is not null;
        if (!named)
        {
            return new OcmSettings([], [], Named: false);
        }

        var (file, unreadable) = await ReadFileAsync(path, errors, cancellationToken);
        var environments = unreadable ? [] : ResolveEnvironments(new SettingsOverrides { OcmUrl = ocmUrl, TokenUrl = tokenUrl }, getVariable, file, path, errors);
        return new OcmSettings(errors.Count == 0 ? environments : [], errors.ToImmutable(), Named: true);
    }

    private static async Task<(SettingsFile File, bool Unreadable)> ReadFileAsync(string? path, ImmutableArray<string>.Builder errors, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return (SettingsFile.Empty, false);
        }

        var document = await SettingsReader.ReadFileAsync(path, cancellationToken);
        errors.AddRange(document.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        return (document.Settings ?? SettingsFile.Empty, document.IsUnreadable);
    }

    private static StateLocation? ResolveState(string? option, string? variable, SettingsFile file, string? path, ImmutableArray<string>.Builder errors)
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
    private static Chosen? Choose(string? optionName, string? option, string? variableName, string? variable, SettingValue? fromFile, string? path) =>
        optionName is not null && !string.IsNullOrWhiteSpace(option) ? new Chosen(option, $"aus: error: {optionName}", FromCommandLine: true)
        : variableName is not null && !string.IsNullOrWhiteSpace(variable) ? new Chosen(variable, $"aus: error: {variableName}", FromCommandLine: false)
        : fromFile is not null ? new Chosen(fromFile.Text, $"{path}:{fromFile.Line}:{fromFile.Column}: error: {fromFile.Key}", FromCommandLine: false)
        : null;

    private static ImmutableArray<OcmEnvironmentSettings> ResolveEnvironments(
        SettingsOverrides overrides, Func<string, string?> getVariable, SettingsFile file, string? path, ImmutableArray<string>.Builder errors)
    {
        var urlOverride = Choose("--ocm-url", overrides.OcmUrl, OcmClientOptionsFactory.UrlVariable, getVariable(OcmClientOptionsFactory.UrlVariable), null, path)?.Text;
        var tokenUrlOverride = Choose("--token-url", overrides.TokenUrl, OcmClientOptionsFactory.TokenUrlVariable, getVariable(OcmClientOptionsFactory.TokenUrlVariable), null, path)?.Text;
        var concurrency = file.Concurrency;
        if (file.Environments.IsEmpty)
        {
            var result = OcmClientOptionsFactory.FromEnvironment(getVariable, new OcmConnectionOverrides { OcmUrl = urlOverride, TokenUrl = tokenUrlOverride, MaxConcurrency = concurrency });
            errors.AddRange(result.Errors.Select(e => $"aus: error: {e}"));
            return result.Succeeded ? [new OcmEnvironmentSettings(null, result.Options!) { PolicySource = overrides.Labels ? PolicySourceKind.Labels : PolicySourceKind.Files }] : [];
        }

        if (file.Environments.Length > 1 && (urlOverride is not null || tokenUrlOverride is not null))
        {
            errors.Add($"aus: error: --ocm-url/OCM_URL and --token-url/OCM_TOKEN_URL choose the URLs of a single environment, and {path} has {file.Environments.Length}; set 'url' and 'tokenUrl' per environment and unset these");
        }

        var built = ImmutableArray.CreateBuilder<OcmEnvironmentSettings>();
        for (var i = 0; i < file.Environments.Length; i++)
        {
            var environment = file.Environments[i];
            var single = file.Environments.Length == 1;
            var result = OcmClientOptionsFactory.FromEnvironment(getVariable, File.ReadAllText, new OcmConnectionOverrides
            {
                OcmUrl = single && urlOverride is not null ? urlOverride : environment.Url,
                TokenUrl = single && tokenUrlOverride is not null ? tokenUrlOverride : environment.TokenUrl,
                MaxConcurrency = concurrency,
                AddonService = environment.AddonServiceVersion,
                Credentials = CredentialSourceOf(environment.Credentials),
            });
            var where = $"{path}:{environment.Line}:{environment.Column}: error: environment {environment.Name}";
            errors.AddRange(result.Errors.Select(e => $"{where}: {e}"));

            var integrationErrors = new List<string>();
            var integrations = IntegrationSettingsReader.Read(environment.Prometheus, environment.Notifications, IntegrationPath, integrationErrors);
            foreach (var (secret, secretPath) in SecretsOf(integrations))
            {
                // Read now only to report an unset variable or unreadable file at start-up; the adapters read them again when built.
                _ = secret.Resolve(getVariable, File.ReadAllText, secretPath, integrationErrors);
            }

            errors.AddRange(integrationErrors.Select(e => PlaceIntegrationError(e, environment, path)));

            if (result.Succeeded && integrationErrors.Count == 0)
            {
                built.Add(new OcmEnvironmentSettings(new EnvironmentName(environment.Name), result.Options!) { Integrations = integrations, PolicySource = overrides.Labels ? PolicySourceKind.Labels : environment.PolicySource });
            }
        }

        return built.ToImmutable();
    }

    // The integration reader names each problem by a path under this prefix; the environment knows where each path was written.
    private const string IntegrationPath = "@";

    private static IEnumerable<(SecretReference Secret, string Path)> SecretsOf(IntegrationSettings integrations)
    {
        if (integrations.Prometheus?.Token is { } token)
        {
            yield return (token, $"{IntegrationPath}.prometheus");
        }

        for (var i = 0; i < integrations.Notifications.Length; i++)
        {
            var path = $"{IntegrationPath}.notifications[{i}]";
            switch (integrations.Notifications[i])
            {
                case WebhookSettings { Secret: { } secret }:
                    yield return (secret, path + ".webhook");
                    break;
                case SlackSettings slack when (slack.WebhookUrl ?? slack.Token) is { } slackSecret:
                    yield return (slackSecret, path + ".slack");
                    break;
            }
        }
    }

    private static string PlaceIntegrationError(string error, SettingsEnvironment environment, string? path)
    {
        var relative = error.StartsWith(IntegrationPath + ".", StringComparison.Ordinal) ? error[(IntegrationPath.Length + 1)..] : error;
        var (line, column) = environment.Locate(relative);
        return $"{path}:{line}:{column}: error: environment {environment.Name}: {relative}";
    }

    private static OcmCredentialSource CredentialSourceOf(SettingsCredentials? credentials) => credentials is null
        ? OcmCredentialSource.Standard
        : OcmCredentialSource.Standard with
        {
            ClientId = credentials.ClientId,
            ClientIdEnv = credentials.ClientIdEnv ?? OcmCredentialSource.Standard.ClientIdEnv,
            ClientSecretEnv = credentials.ClientSecretEnv ?? OcmCredentialSource.Standard.ClientSecretEnv,
            ClientSecretFile = credentials.ClientSecretFile,
            OfflineTokenEnv = credentials.OfflineTokenEnv ?? OcmCredentialSource.Standard.OfflineTokenEnv,
            OfflineTokenFile = credentials.OfflineTokenFile,
        };

    /// <summary>A setting's text, the start of an error about it (where it came from), and whether the command line gave it.</summary>
    private sealed record Chosen(string Text, string Where, bool FromCommandLine);
}
