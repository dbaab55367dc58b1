using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Aus.Ocm.Tests.Support;

/// <summary>
/// An in-memory OCM for unit tests: routes by method and path pattern, records every request, and
/// answers the token endpoint with numbered tokens unless told otherwise.
/// </summary>
public sealed class FakeOcmHandler : HttpMessageHandler
{
    public const string BaseUrl = "http://ocm.test";
    public const string TokenUrl = "http://sso.test/token";

    private readonly List<(string Method, Regex Path, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Respond)> _routes = [];
    private int _tokens;

    public FakeOcmHandler()
    {
        On("POST", "/token", _ => Json($$"""{"access_token":"token-{{Interlocked.Increment(ref _tokens)}}","expires_in":{{TokenLifetimeSeconds}},"token_type":"Bearer"}"""));
    }

    public int TokenLifetimeSeconds { get; set; } = 300;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IEnumerable<RecordedRequest> To(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path);

    public IEnumerable<RecordedRequest> Api => Requests.Where(r => r.Path != "/token");

    public IEnumerable<RecordedRequest> TokenRequests => Requests.Where(r => r.Path == "/token");

    /// <summary>Later routes win, so a test can override the defaults.</summary>
    public FakeOcmHandler On(string method, string pathPattern, Func<RecordedRequest, HttpResponseMessage> respond) =>
        OnAsync(method, pathPattern, (request, _) => Task.FromResult(respond(request)));

    public FakeOcmHandler OnAsync(string method, string pathPattern, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _routes.Insert(0, (method, new Regex("^" + pathPattern + "$", RegexOptions.CultureInvariant), respond));
        return this;
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Page(int page, int total, params string[] items) =>
        Json($$"""{"kind":"List","page":{{page}},"size":{{items.Length}},"total":{{total}},"items":[{{string.Join(',', items)}}]}""");

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string reason, string operationId = "op-1") =>
        Json($$"""{"kind":"Error","id":"{{(int)status}}","href":"/x","code":"{{code}}","reason":"{{reason}}","operation_id":"{{operationId}}"}""", status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var query = ParseQuery(uri.Query);
        var recorded = new RecordedRequest(request.Method.Method, uri.AbsolutePath, query, body, request.Headers.Authorization?.ToString());
        Requests.Enqueue(recorded);
        foreach (var (method, path, respond) in _routes)
        {
            if (method == request.Method.Method && path.IsMatch(uri.AbsolutePath))
            {
                var response = await respond(recorded, cancellationToken);
                response.RequestMessage = request;
                return response;
            }
        }

        return Error(HttpStatusCode.NotFound, "CLUSTERS-MGMT-404", $"no route for {request.Method} {uri.AbsolutePath}");
    }

    private static ImmutableDictionary<string, string> ParseQuery(string query)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            result[Uri.UnescapeDataString(parts[0])] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }

        return result.ToImmutable();
    }
}
