using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Aus.Ocm.Wire;

namespace Aus.Ocm.Http;

/// <summary>
/// JSON over the OCM HttpClient: builds URLs, tags requests with their endpoint template, decodes
/// failures into <see cref="OcmApiException"/> and walks pages as OCM does.
/// </summary>
internal sealed class OcmHttp(HttpClient client, Uri baseUrl, int pageSize)
{
    // The base URL may carry a path prefix (a proxy); OCM paths are appended to it, not resolved against it.
    private readonly string _root = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public int PageSize => pageSize;

    public async Task<T> GetAsync<T>(string endpoint, string path, IReadOnlyList<KeyValuePair<string, string>> query, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var response = await SendCoreAsync(HttpMethod.Get, endpoint, path, query, null, type, cancellationToken).ConfigureAwait(false);
        return response.Body ?? throw Malformed(HttpMethod.Get, path, "an empty body");
    }

    /// <summary>
    /// Every item of a paged list: the first request has no page, each later one asks for the page
    /// after the one returned; it stops at a short page or once <c>total</c> items are in.
    /// </summary>
    public async Task<List<T>> ListAsync<T>(
        string endpoint,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        JsonTypeInfo<WirePage<T>> type,
        CancellationToken cancellationToken)
    {
        var items = new List<T>();
        int? page = null;
        while (true)
        {
            var pageQuery = new List<KeyValuePair<string, string>>(query) { new("size", pageSize.ToString(CultureInfo.InvariantCulture)) };
            if (page is { } p)
            {
                pageQuery.Add(new("page", p.ToString(CultureInfo.InvariantCulture)));
            }

            var response = await GetAsync(endpoint, path, pageQuery, type, cancellationToken).ConfigureAwait(false);
            var got = response.Items ?? [];
            items.AddRange(got);
            var isLast = got.Count == 0
                || got.Count < pageSize
                || (response.Size ?? got.Count) < pageSize
                || (response.Total is { } total && items.Count >= total);
            if (isLast)
            {
                return items;
            }

            page = (response.Page ?? page ?? 1) + 1;
        }
    }

    public Task<OcmResponse<TResult>> SendAsync<TBody, TResult>(
        HttpMethod method,
        string endpoint,
        string path,
        TBody body,
        JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken)
        where TResult : class
    {
        var content = new StringContent(JsonSerializer.Serialize(body, bodyType), Encoding.UTF8, "application/json");
        return SendCoreAsync(method, endpoint, path, [], content, resultType, cancellationToken);
    }

    /// <summary>A DELETE; OCM answers 204 without a body.</summary>
    public Task<OcmResponse<WireIdRef>> DeleteAsync(string endpoint, string path, CancellationToken cancellationToken) =>
        SendCoreAsync(HttpMethod.Delete, endpoint, path, [], null, OcmJsonContext.Default.WireIdRef, cancellationToken);

    private async Task<OcmResponse<T>> SendCoreAsync<T>(
        HttpMethod method,
        string endpoint,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        HttpContent? content,
        JsonTypeInfo<T> type,
        CancellationToken cancellationToken)
        where T : class
    {
        var operation = $"{method} {path}";
        using var request = new HttpRequestMessage(method, new Uri(_root + path + QueryString(query))) { Content = content };
        request.Options.Set(OcmRequest.Endpoint, endpoint);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && OcmFailures.IsTransport(ex))
        {
            throw OcmFailures.FromTransport(operation, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await OcmFailures.FromResponseAsync(operation, response, cancellationToken).ConfigureAwait(false);
            }

            var operationId = OcmFailures.OperationIdHeader(response);
            if (response.StatusCode == System.Net.HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            {
                return new OcmResponse<T>(null, operationId);
            }

            if (!OcmFailures.MayBeJson(response))
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new OcmApiException(
                    $"{method} {path}", response.StatusCode, null, OcmFailures.NotOcm(response, text), operationId, outcomeUnknown: false);
            }

            try
            {
                var body = await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
                return new OcmResponse<T>(body, operationId);
            }
            catch (JsonException ex)
            {
                throw Malformed(method, path, $"a body that is not the expected JSON ({ex.Message})", ex);
            }
        }
    }

    private static OcmApiException Malformed(HttpMethod method, string path, string what, Exception? inner = null) =>
        new($"{method} {path}", System.Net.HttpStatusCode.OK, null, $"OCM answered with {what}", null, outcomeUnknown: false, inner);

    private static string QueryString(IReadOnlyList<KeyValuePair<string, string>> query) =>
        query.Count == 0
            ? string.Empty
            : "?" + string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
}
