namespace Aus.Ocm.Wire;

/// <summary>An OAuth2 token endpoint response (success or error).</summary>
internal sealed record WireTokenResponse
{
    public string? AccessToken { get; init; }

    public int? ExpiresIn { get; init; }

    public string? TokenType { get; init; }

    public string? Error { get; init; }

    public string? ErrorDescription { get; init; }
}
