namespace Aus.Ocm.Configuration;

/// <summary>
/// Where an OCM environment's credentials come from: the names of environment variables or files,
/// never the secrets themselves (a settings file is not a secret store). By default the standard
/// OCM_CLIENT_ID, OCM_CLIENT_SECRET and OCM_TOKEN variables; problems name the variable or file configured.
/// </summary>
public sealed record OcmCredentialSource
{
    public static readonly OcmCredentialSource Standard = new();

    /// <summary>The service-account client id itself (not a secret); when set, no variable is read for it.</summary>
    public string? ClientId { get; init; }

    public string ClientIdEnv { get; init; } = OcmClientOptionsFactory.ClientIdVariable;

    public string ClientSecretEnv { get; init; } = OcmClientOptionsFactory.ClientSecretVariable;

    /// <summary>A file holding the client secret; read instead of <see cref="ClientSecretEnv"/>.</summary>
    public string? ClientSecretFile { get; init; }

    public string OfflineTokenEnv { get; init; } = OcmClientOptionsFactory.OfflineTokenVariable;

    /// <summary>A file holding the offline token; read instead of <see cref="OfflineTokenEnv"/>.</summary>
    public string? OfflineTokenFile { get; init; }

    internal string ClientIdName => ClientId is null ? ClientIdEnv : "clientId";

    internal string ClientSecretName => ClientSecretFile is null ? ClientSecretEnv : $"the file {ClientSecretFile}";

    internal string OfflineTokenName => OfflineTokenFile is null ? OfflineTokenEnv : $"the file {OfflineTokenFile}";

    /// <summary>The three values, read from their variables or files; a file that cannot be read is reported and gives nothing.</summary>
    internal (string? ClientId, string? ClientSecret, string? OfflineToken) Read(Func<string, string?> getVariable, Func<string, string> readFile, ICollection<string> errors) =>
        (ClientId ?? getVariable(ClientIdEnv),
         ClientSecretFile is null ? getVariable(ClientSecretEnv) : ReadSecret(ClientSecretFile, readFile, errors),
         OfflineTokenFile is null ? getVariable(OfflineTokenEnv) : ReadSecret(OfflineTokenFile, readFile, errors));

    private static string? ReadSecret(string file, Func<string, string> readFile, ICollection<string> errors)
    {
        try
        {
            return readFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"cannot read the credentials file {file}: {e.Message}");
            return null;
        }
    }
}
