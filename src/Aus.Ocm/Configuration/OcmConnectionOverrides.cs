namespace Aus.Ocm.Configuration;

/// <summary>
/// Settings given on the command line or in a settings file. They never hold credentials, only
/// where to read them (<see cref="Credentials"/>).
/// </summary>
public sealed record OcmConnectionOverrides
{
    public string? OcmUrl { get; init; }

    public string? TokenUrl { get; init; }

    public TimeSpan? Timeout { get; init; }

    public int? MaxConcurrency { get; init; }

    public int? RetryCount { get; init; }

    /// <summary>The add-on service version (v1 or v2); wins over OCM_ADDON_SERVICE_VERSION.</summary>
    public string? AddonService { get; init; }

    /// <summary>Where the credentials are read from; the standard OCM_* variables when null.</summary>
    public OcmCredentialSource? Credentials { get; init; }
}
