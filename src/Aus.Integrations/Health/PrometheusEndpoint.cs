namespace Aus.Integrations.Health;

/// <summary>A Prometheus-compatible HTTP API: its base URL and the bearer token to send, if any.</summary>
public sealed record PrometheusEndpoint(Uri Url, string? BearerToken)
{
    /// <summary>The instant-query endpoint under the base URL (a path prefix such as a proxy's is kept).</summary>
    public Uri QueryUrl => new(Url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/api/v1/query");

    /// <summary>The URL without credentials or query, fit for messages.</summary>
    public string Display => Url.GetLeftPart(UriPartial.Path);

    public override string ToString() => Display;
}
