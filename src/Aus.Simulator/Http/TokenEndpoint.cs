using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aus.Simulator.Http;

/// <summary>
/// An OAuth2 token endpoint like Red Hat SSO's: the client-credentials grant for service accounts and the
/// refresh-token grant (client id <c>cloud-services</c>) for offline tokens. Secrets are compared, never logged.
/// </summary>
internal static class TokenEndpoint
{
    public const string Path = "/_sim/token";
    public const string OfflineClientId = "cloud-services";

    public static void Map(IEndpointRouteBuilder app, SimulatorOptions options, TokenStore tokens)
    {
        app.MapPost(Path, async (HttpContext ctx) =>
        {
            if (!ctx.Request.HasFormContentType)
            {
                return OAuthError(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
            }

            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var (clientId, clientSecret) = ClientCredentials(ctx, form);
            switch (form["grant_type"].ToString())
            {
                case "client_credentials":
                    if (!SecretEquals(clientId, options.ClientId) || !SecretEquals(clientSecret, options.ClientSecret))
                    {
                        return OAuthError(401, "invalid_client", "Invalid client or Invalid client credentials");
                    }

                    return Issued(tokens, refreshToken: null);
                case "refresh_token":
                    if (!string.Equals(clientId, OfflineClientId, StringComparison.Ordinal))
                    {
                        return OAuthError(401, "invalid_client", $"the refresh-token grant needs client_id={OfflineClientId}");
                    }

                    if (!SecretEquals(form["refresh_token"].ToString(), options.OfflineToken))
                    {
                        return OAuthError(400, "invalid_grant", "Invalid refresh token");
                    }

                    return Issued(tokens, options.OfflineToken);
                case "":
                    return OAuthError(400, "invalid_request", "Missing form parameter: grant_type");
                default:
                    return OAuthError(400, "unsupported_grant_type", "Unsupported grant_type");
            }
        }).DisableAntiforgery();
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpContext ctx, IFormCollection form)
    {
        // client_secret_basic as well as client_secret_post, as SSO accepts both.
        var header = ctx.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static bool SecretEquals(string? given, string expected) =>
        given is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static IResult Issued(TokenStore tokens, string? refreshToken)
    {
        var body = new JsonObject
        {
            ["access_token"] = tokens.Issue(),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
            ["scope"] = "openid api.iam.service_accounts",
        };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
            body["refresh_expires_in"] = 0;
        }

        return OcmResults.Json(body);
    }

    private static IResult OAuthError(int status, string error, string description) =>
        OcmResults.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);
}
