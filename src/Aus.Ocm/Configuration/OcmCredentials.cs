namespace Aus.Ocm.Configuration;

/// <summary>
/// How aus authenticates to OCM: a service account (client credentials grant) or an offline token
/// (refresh-token grant with the public <c>cloud-services</c> client). The secret parts are never
/// printed: <see cref="ToString"/> names the kind only.
/// </summary>
public sealed class OcmCredentials
{
    /// <summary>The public OAuth client that offline tokens are issued to.</summary>
    public const string OfflineTokenClientId = "cloud-services";

    private OcmCredentials(string? clientId, string? clientSecret, string? offlineToken)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        OfflineToken = offlineToken;
    }

    /// <summary>The service-account client id (client credentials grant), or null for an offline token.</summary>
    public string? ClientId { get; }

    internal string? ClientSecret { get; }

    internal string? OfflineToken { get; }

    public bool IsOfflineToken => OfflineToken is not null;

    public static OcmCredentials ForClient(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        return new OcmCredentials(clientId, clientSecret, null);
    }

    public static OcmCredentials ForOfflineToken(string offlineToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(offlineToken);
        return new OcmCredentials(null, null, offlineToken);
    }

    public override string ToString() =>
        IsOfflineToken ? "offline token (redacted)" : $"client credentials for {ClientId} (secret redacted)";
}
