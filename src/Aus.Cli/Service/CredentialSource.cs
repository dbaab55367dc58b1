namespace Aus.Cli.Service;

/// <summary>
/// Where an OCM environment's credentials come from: names of environment variables or files, never
/// the secrets themselves (a settings file is not a secret store). Unset fields fall back to the
/// standard OCM_CLIENT_ID, OCM_CLIENT_SECRET and OCM_TOKEN variables.
/// </summary>
internal sealed record CredentialSource
{
    /// <summary>The service-account client id itself (not a secret).</summary>
    public string? ClientId { get; init; }

    public string? ClientIdEnv { get; init; }

    public string? ClientSecretEnv { get; init; }

    public string? ClientSecretFile { get; init; }

    public string? OfflineTokenEnv { get; init; }

    public string? OfflineTokenFile { get; init; }
}
