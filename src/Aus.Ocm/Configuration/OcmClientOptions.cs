using System.Collections.Immutable;
using System.Globalization;

namespace Aus.Ocm.Configuration;

/// <summary>How to reach and talk to OCM. <see cref="Validate"/> reports every problem at once.</summary>
public sealed record OcmClientOptions
{
    public static readonly Uri DefaultBaseUrl = new("https://api.openshift.com");

    public static readonly Uri DefaultTokenUrl =
        new("https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token");

    /// <summary>The OCM API base URL (OCM_URL).</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The OAuth2 token endpoint (OCM_TOKEN_URL).</summary>
    public Uri TokenUrl { get; init; } = DefaultTokenUrl;

    /// <summary>Service account or offline token; required.</summary>
    public OcmCredentials? Credentials { get; init; }

    /// <summary>Time allowed for one HTTP attempt (the reference uses 60 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many per-cluster calls of one organization run at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// How many organizations are read at once; requests in flight never exceed this times
    /// <see cref="MaxConcurrency"/>, so a large fleet is neither sequential nor a flood.
    /// </summary>
    public int MaxOrganizationsInParallel { get; init; } = 4;

    /// <summary>The most requests in flight at any moment.</summary>
    public int MaxRequestsInFlight => MaxConcurrency * MaxOrganizationsInParallel;

    /// <summary>How many times an idempotent read is retried after a transient failure.</summary>
    public int RetryCount { get; init; } = 3;

    /// <summary>The first retry delay; later ones back off exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a retry waits when OCM answers with <c>Retry-After</c>: a longer wait asked for
    /// is cut to this, so a server cannot stall a pass (and every organization after it) for a day.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Items per page of list calls (OCM allows at most 100).</summary>
    public int PageSize { get; init; } = 100;

    public string UserAgent { get; init; } = "aus/0.1";

    /// <summary>
    /// Where the environment's add-ons are (OCM_ADDON_SERVICE_VERSION, the reference's
    /// feature_flag_addon_service_version): "v1" the cluster service, "v2" the add-ons service.
    /// Another value is not refused here: it is an error of every organization that manages add-ons
    /// in this environment, reported when its add-ons are read.
    /// </summary>
    public string AddonService { get; init; } = "v2";

    /// <summary>The add-on service <see cref="AddonService"/> names, or null when it names none.</summary>
    public AddonServiceVersion? AddonServiceVersion => AddonService switch
    {
        "v1" => Ocm.AddonServiceVersion.V1,
        "v2" => Ocm.AddonServiceVersion.V2,
        _ => null,
    };

    /// <summary>Every problem with these options, each naming the setting, the bad value and what is allowed.</summary>
    public ImmutableArray<string> Validate()
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        CheckUrl(errors, "OCM URL (--ocm-url / OCM_URL)", BaseUrl);
        CheckUrl(errors, "token URL (--token-url / OCM_TOKEN_URL)", TokenUrl);
        if (Credentials is null)
        {
            errors.Add("no OCM credentials: set OCM_CLIENT_ID and OCM_CLIENT_SECRET (service account) or OCM_TOKEN (offline token)");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"timeout {Timeout} is not allowed; it must be positive"));
        }

        if (MaxConcurrency < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"max concurrency {MaxConcurrency} is not allowed; it must be at least 1"));
        }

        if (MaxOrganizationsInParallel < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"organizations in parallel {MaxOrganizationsInParallel} is not allowed; it must be at least 1"));
        }

        if (RetryCount < 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"retry count {RetryCount} is not allowed; it must be 0 or more"));
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"retry delay {RetryBaseDelay} is not allowed; it must not be negative"));
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Retry-After cap {MaxRetryAfter} is not allowed; it must not be negative"));
        }

        if (PageSize is < 1 or > 100)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"page size {PageSize} is not allowed; it must be between 1 and 100"));
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            errors.Add("user agent is empty; it must name the client");
        }

        return errors.ToImmutable();
    }

    private static void CheckUrl(ImmutableArray<string>.Builder errors, string what, Uri? url)
    {
        if (url is null)
        {
            errors.Add($"{what} is missing");
        }
        else if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{what} '{url}' is not allowed; it must be an absolute http:// or https:// URL");
        }
    }
}
