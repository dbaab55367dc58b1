namespace Aus.Ocm.Http;

/// <summary>What the handlers of the OCM pipeline read from a request.</summary>
internal static class OcmRequest
{
    /// <summary>The endpoint template ("GET /api/clusters_mgmt/v1/clusters/{id}") that calls are counted under.</summary>
    public static readonly HttpRequestOptionsKey<string> Endpoint = new("aus.ocm.endpoint");

    public static string EndpointOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Endpoint, out var endpoint)
            ? endpoint
            : $"{request.Method} {request.RequestUri?.AbsolutePath}";
}
