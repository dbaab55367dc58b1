using System.Collections.Immutable;

namespace Aus.Ocm.Configuration;

/// <summary>
/// Builds <see cref="OcmClientOptions"/> from environment variables (docs/operations.md, "Precedence and environment variables") and explicit
/// overrides. Precedence for URLs and tuning: overrides (command line) over the environment over
/// the defaults. Credentials only come from the environment.
/// </summary>
public static class OcmClientOptionsFactory
{
    public const string UrlVariable = "OCM_URL";
    public const string TokenUrlVariable = "OCM_TOKEN_URL";
    public const string ClientIdVariable = "OCM_CLIENT_ID";
    public const string ClientSecretVariable = "OCM_CLIENT_SECRET";
    public const string OfflineTokenVariable = "OCM_TOKEN";
    public const string AddonServiceVariable = "OCM_ADDON_SERVICE_VERSION";

    /// <summary>The longest wait, in seconds, a server's Retry-After gets (<see cref="OcmClientOptions.MaxRetryAfter"/>).</summary>
    public const string MaxRetryAfterVariable = "OCM_MAX_RETRY_AFTER";

    /// <summary>Reads the process environment.</summary>
    public static OcmOptionsResult FromEnvironment(OcmConnectionOverrides? overrides = null) =>
        FromEnvironment(Environment.GetEnvironmentVariable, overrides);

    /// <summary>Reads variables through <paramref name="getVariable"/>, so tests need not touch the process environment.</summary>
    public static OcmOptionsResult FromEnvironment(Func<string, string?> getVariable, OcmConnectionOverrides? overrides = null) =>
        FromEnvironment(getVariable, File.ReadAllText, overrides);

    /// <summary>Also reads the credential files <see cref="OcmConnectionOverrides.Credentials"/> names through <paramref name="readFile"/>.</summary>
    public static OcmOptionsResult FromEnvironment(Func<string, string?> getVariable, Func<string, string> readFile, OcmConnectionOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(readFile);
        overrides ??= new OcmConnectionOverrides();
        var errors = ImmutableArray.CreateBuilder<string>();

        var baseUrl = ParseUrl(errors, Pick(overrides.OcmUrl, getVariable(UrlVariable)), "OCM URL (--ocm-url / OCM_URL)", OcmClientOptions.DefaultBaseUrl);
        var tokenUrl = ParseUrl(errors, Pick(overrides.TokenUrl, getVariable(TokenUrlVariable)), "token URL (--token-url / OCM_TOKEN_URL)", OcmClientOptions.DefaultTokenUrl);
        var credentials = ReadCredentials(errors, overrides.Credentials ?? OcmCredentialSource.Standard, getVariable, readFile);
        var maxRetryAfter = ReadSeconds(errors, getVariable(MaxRetryAfterVariable), MaxRetryAfterVariable);

        var defaults = new OcmClientOptions();
        var options = defaults with
        {
            BaseUrl = baseUrl ?? defaults.BaseUrl,
            TokenUrl = tokenUrl ?? defaults.TokenUrl,
            Credentials = credentials,
            Timeout = overrides.Timeout ?? defaults.Timeout,
            MaxConcurrency = overrides.MaxConcurrency ?? defaults.MaxConcurrency,
            RetryCount = overrides.RetryCount ?? defaults.RetryCount,
            MaxRetryAfter = maxRetryAfter ?? defaults.MaxRetryAfter,
            AddonService = Pick(overrides.AddonService, getVariable(AddonServiceVariable)) ?? defaults.AddonService,
        };

        // The credential problems are already reported precisely above; do not repeat "no credentials".
        foreach (var error in options.Validate())
        {
            if (credentials is null && error.StartsWith("no OCM credentials", StringComparison.Ordinal))
            {
                continue;
            }

            if (!errors.Contains(error))
            {
                errors.Add(error);
            }
        }

        return errors.Count == 0 ? new OcmOptionsResult(options, []) : new OcmOptionsResult(null, errors.ToImmutable());
    }

    private static string? Pick(string? preferred, string? fallback) =>
        !string.IsNullOrWhiteSpace(preferred) ? preferred : (!string.IsNullOrWhiteSpace(fallback) ? fallback : null);

    private static Uri? ParseUrl(ImmutableArray<string>.Builder errors, string? text, string what, Uri fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        errors.Add($"{what} '{text}' is not allowed; it must be an absolute http:// or https:// URL");
        return null;
    }

    private static TimeSpan? ReadSeconds(ImmutableArray<string>.Builder errors, string? text, string variable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        errors.Add($"{variable} '{text}' is not allowed; it must be a whole number of seconds such as 60");
        return null;
    }

    private static OcmCredentials? ReadCredentials(
        ImmutableArray<string>.Builder errors, OcmCredentialSource source, Func<string, string?> getVariable, Func<string, string> readFile)
    {
        var fileErrors = new List<string>();
        var (id, secret, token) = source.Read(getVariable, readFile, fileErrors);
        errors.AddRange(fileErrors);
        var clientId = Blank(id);
        var clientSecret = Blank(secret);
        var offlineToken = Blank(token);
        var hasClient = clientId is not null || clientSecret is not null;

        if (hasClient && offlineToken is not null)
        {
            errors.Add($"both {source.ClientIdName}/{source.ClientSecretName} and {source.OfflineTokenName} are set; set exactly one credentials source");
            return null;
        }

        if (offlineToken is not null)
        {
            return OcmCredentials.ForOfflineToken(offlineToken);
        }

        if (clientId is not null && clientSecret is not null)
        {
            return OcmCredentials.ForClient(clientId, clientSecret);
        }

        if (fileErrors.Count > 0)
        {
            // The unreadable file is the problem, already said.
            return null;
        }

        if (clientId is not null)
        {
            errors.Add($"{source.ClientIdName} is set but {source.ClientSecretName} is not; a service account needs both");
        }
        else if (clientSecret is not null)
        {
            errors.Add($"{source.ClientSecretName} is set but {source.ClientIdName} is not; a service account needs both");
        }
        else
        {
            errors.Add($"no OCM credentials: set {source.ClientIdName} and {source.ClientSecretName} (service account) or {source.OfflineTokenName} (offline token)");
        }

        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
