using System.Net;
using System.Text.Json;
using Aus.Ocm.Wire;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Aus.Ocm.Http;

/// <summary>The one place where failed OCM calls become <see cref="OcmApiException"/>.</summary>
internal static class OcmFailures
{
    private const int MaxReasonLength = 500;

    public static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException;

    public static OcmApiException FromTransport(string operation, Exception exception) => exception switch
    {
        TimeoutRejectedException timeout => new OcmApiException(
            operation, null, null, $"no response within {timeout.Timeout.TotalSeconds:0.###} s", null, outcomeUnknown: true, timeout),
        BrokenCircuitException broken => new OcmApiException(
            operation, null, null, "calls to this host are paused after repeated failures (circuit open); try again later", null, outcomeUnknown: false, broken),
        _ => new OcmApiException(
            operation, null, null, $"the connection failed: {exception.Message}", null, outcomeUnknown: true, exception),
    };

    public static async Task<OcmApiException> FromResponseAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (Redirect(response) is { } redirect)
        {
            return new OcmApiException(operation, response.StatusCode, null, redirect, OperationIdHeader(response), outcomeUnknown: false);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        WireError? error = null;
        try
        {
            error = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, OcmJsonContext.Default.WireError);
        }
        catch (JsonException)
        {
            // Not an OCM error document (a proxy's HTML page, say): the raw text is the best reason there is.
        }

        var reason = error?.Reason
            ?? (string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? "no reason given" : Shorten(text.Trim()));
        return new OcmApiException(
            operation,
            response.StatusCode,
            error?.Code,
            reason,
            error?.OperationId ?? OperationIdHeader(response),
            outcomeUnknown: (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout);
    }

    /// <summary>
    /// For a redirect, why it was not followed, naming only the origin it pointed to (its path or
    /// query might carry something private); null for any other response.
    /// </summary>
    public static string? Redirect(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is < 300 or > 399)
        {
            return null;
        }

        var location = response.Headers.Location;
        var target = location is null
            ? "no Location"
            : location.IsAbsoluteUri ? $"{location.Scheme}://{location.Authority}" : "a path on the same origin";
        return $"answered {status} with a redirect to {target}; aus follows no redirects, so that no credential goes to an origin other than the configured one";
    }

    public static string? OperationIdHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Operation-Id", out var values) ? values.FirstOrDefault() : null;

    private static string Shorten(string text) => text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "...";
}
