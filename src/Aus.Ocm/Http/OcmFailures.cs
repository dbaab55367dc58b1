using System.Net;
using System.Text.Json;
using Aus.Ocm.Wire;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Aus.Ocm.Http;

/// <summary>The one place where failed OCM calls become <see cref="OcmApiException"/>.</summary>
internal static class OcmFailures
{
    private const int MaxFirstLineLength = 80;

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
            // Not an OCM error document (a proxy's or a web server's HTML page, say): described below, not embedded.
        }

        var reason = error?.Reason
            ?? (string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? "no reason given" : NotOcm(response, text));
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

    /// <summary>
    /// What came back instead of OCM's JSON, short enough for one log line: the content type and the
    /// first line, shortened (a URL that is not OCM's API answers with a whole HTML page).
    /// </summary>
    public static string NotOcm(HttpResponseMessage response, string text)
    {
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var firstLine = text.Trim().Split('\n', 2)[0].Trim();
        var shortened = firstLine.Length <= MaxFirstLineLength ? firstLine : firstLine[..MaxFirstLineLength] + "...";
        return $"the answer is {contentType}, not OCM's JSON (is the URL OCM's API?); it starts \"{shortened}\"";
    }

    /// <summary>Whether the response says its body is JSON (or says nothing, and may be).</summary>
    public static bool MayBeJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is not { } mediaType
        || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
}
