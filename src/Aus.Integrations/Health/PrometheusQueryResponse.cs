using System.Text.Json.Serialization;

namespace Aus.Integrations.Health;

/// <summary>The body of Prometheus's <c>/api/v1/query</c>: only what a health query reads.</summary>
internal sealed record PrometheusQueryResponse(string? Status, PrometheusQueryData? Data, string? Error);

internal sealed record PrometheusQueryData(string? ResultType, List<PrometheusSample>? Result);

/// <summary>One series of an instant vector; its value is not needed (the series' presence is the alert).</summary>
internal sealed record PrometheusSample(Dictionary<string, string>? Metric);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PrometheusQueryResponse))]
internal sealed partial class PrometheusJsonContext : JsonSerializerContext;
