using System.Net.Http.Json;
using System.Text.Json;
using Aus.Ocm.Configuration;
using Aus.Ocm.Http;
using Aus.Ocm.Wire;
using Microsoft.Extensions.Logging;

namespace Aus.Ocm.Auth;

/// <summary>
/// Gets bearer tokens from the OAuth2 token endpoint (client credentials or refresh-token grant),
/// caches them and renews them before they expire. One renewal at a time; callers that raced for it
/// share its result.
/// </summary>
internal sealed class OcmTokenProvider : IDisposable
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http;
    private readonly Uri _tokenUrl;
    private readonly OcmCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private OcmAccessToken? _current;

    public OcmTokenProvider(HttpClient http, Uri tokenUrl, OcmCredentials credentials, TimeProvider time, ILogger logger)
    {
        _http = http;
        _tokenUrl = tokenUrl;
        _credentials = credentials;
        _time = time;
        _logger = logger;
    }

    /// <summary>A token that is not due for renewal.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _time.GetUtcNow() < current.RenewAt)
        {
            return current.Value;
        }

        return await RenewAsync(rejected: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A fresh token after <paramref name="rejected"/> was refused (401). When another caller has
    /// already replaced that token, its replacement is used instead of asking again.
    /// </summary>
    public async Task<string> RenewAsync(string? rejected, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && _time.GetUtcNow() < current.RenewAt
                && !string.Equals(current.Value, rejected, StringComparison.Ordinal))
            {
                return current.Value;
            }

            var token = await RequestAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, token);
            return token.Value;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    private async Task<OcmAccessToken> RequestAsync(CancellationToken cancellationToken)
    {
        var form = _credentials.IsOfflineToken
            ? new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = OcmCredentials.OfflineTokenClientId,
                ["refresh_token"] = _credentials.OfflineToken!,
            }
            : new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _credentials.ClientId!,
                ["client_secret"] = _credentials.ClientSecret!,
            };
        var grant = form["grant_type"];
        var operation = $"POST {_tokenUrl.AbsolutePath}";

        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Options.Set(OcmRequest.Endpoint, OcmEndpoints.Token);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && OcmFailures.IsTransport(ex))
        {
            throw OcmFailures.FromTransport(operation, ex);
        }

        using (response)
        {
            if (OcmFailures.Redirect(response) is { } redirect)
            {
                throw new OcmApiException(operation, response.StatusCode, null, $"the token endpoint {redirect}", OcmFailures.OperationIdHeader(response), outcomeUnknown: false);
            }

            WireTokenResponse? body = null;
            try
            {
                body = await response.Content.ReadFromJsonAsync(OcmJsonContext.Default.WireTokenResponse, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not JSON: reported below from the status alone; the body is never echoed, in case it repeats the request.
            }

            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
            {
                var reason = body?.Error is { } error
                    ? $"the token endpoint refused the {grant} grant: {error}{(body.ErrorDescription is { } d ? $" ({d})" : string.Empty)}"
                    : $"the token endpoint gave no access token for the {grant} grant";
                throw new OcmApiException(
                    operation,
                    response.StatusCode,
                    body?.Error,
                    reason,
                    OcmFailures.OperationIdHeader(response),
                    outcomeUnknown: (int)response.StatusCode >= 500);
            }

            var lifetime = body.ExpiresIn is > 0 ? TimeSpan.FromSeconds(body.ExpiresIn.Value) : DefaultLifetime;

            // Renew a tenth of the lifetime early (at most a minute), so a request never leaves with a token about to expire.
            var margin = TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, MaxRenewalMargin.Ticks));
            var renewAt = _time.GetUtcNow() + lifetime - margin;
            OcmLog.TokenObtained(_logger, grant, (int)lifetime.TotalSeconds);
            return new OcmAccessToken(body.AccessToken, renewAt);
        }
    }
}
