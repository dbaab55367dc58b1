using System.Net.Http.Headers;
using System.Text.Json;
using Aus.Application.Health;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;

namespace Aus.Integrations.Health;

/// <summary>
/// The telemeter health provider: one instant query per organization against a Prometheus-compatible
/// HTTP API for the critical alerts firing on the organization's clusters. Telemeter keys clusters
/// by <c>_id</c>, the cluster's external id; <c>subscription_labels</c> ties an <c>_id</c> to its
/// organization, so the join keeps the organization's clusters only.
/// </summary>
public sealed class TelemeterHealthProvider(HttpClient client, PrometheusEndpoint endpoint) : IClusterHealthProvider
{
    public string Name => HealthCheck.Telemeter;

    /// <summary>The PromQL asked for one organization: each (cluster, alert) firing at critical severity, once.</summary>
    public static string Query(string organizationId) =>
        "group by (_id, alertname) (alerts{alertstate=\"firing\", severity=\"critical\"})"
        + " * on (_id) group_left() "
        + $"group by (_id) (subscription_labels{{organization=\"{EscapeLabelValue(organizationId)}\"}})";

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> QueryAsync(OrganizationId organizationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId.Value);
        var url = new Uri(endpoint.QueryUrl, "?query=" + Uri.EscapeDataString(Query(organizationId.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (endpoint.BearerToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        string body;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HealthProviderException($"{endpoint.Display} answered HTTP {(int)response.StatusCode}{Excerpt(body)}");
            }
        }
        catch (HttpRequestException e)
        {
            throw new HealthProviderException($"{endpoint.Display} cannot be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HealthProviderException($"{endpoint.Display} did not answer within {client.Timeout.TotalSeconds:0} s", e);
        }

        return Read(body);
    }

    private IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string body)
    {
        PrometheusQueryResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(body, PrometheusJsonContext.Default.PrometheusQueryResponse);
        }
        catch (JsonException e)
        {
            throw new HealthProviderException($"{endpoint.Display} answered with something that is not a Prometheus query result: {e.Message}", e);
        }

        if (response is not { Status: "success", Data.ResultType: "vector", Data.Result: { } series })
        {
            throw new HealthProviderException(
                $"{endpoint.Display} answered status '{response?.Status}' ({response?.Error ?? "no vector result"}); expected a successful instant vector");
        }

        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var sample in series)
        {
            if (sample.Metric is null || !sample.Metric.TryGetValue("_id", out var id) || !sample.Metric.TryGetValue("alertname", out var alert))
            {
                throw new HealthProviderException($"{endpoint.Display} answered a series without _id or alertname");
            }

            if (!problems.TryGetValue(id, out var alerts))
            {
                alerts = [];
                problems[id] = alerts;
            }

            alerts.Add(alert);
        }

        return problems.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    private static string EscapeLabelValue(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string Excerpt(string body) => string.IsNullOrWhiteSpace(body) ? string.Empty : ": " + (body.Length > 200 ? body[..200] + "..." : body.Trim());
}
