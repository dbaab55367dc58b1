using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Aus.Simulator.Tests;

/// <summary>An in-process simulator on a loopback port and a plain HttpClient holding a valid bearer token.</summary>
internal sealed class SimHarness : IAsyncDisposable
{
    private SimHarness(OcmSimulator sim, HttpClient http)
    {
        Sim = sim;
        Http = http;
    }

    public OcmSimulator Sim { get; }

    public HttpClient Http { get; }

    public static async Task<SimHarness> StartAsync(string fleet, Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { FleetYaml = fleet, InitialTime = TestFleets.Start };
        var sim = await OcmSimulator.StartAsync(configure?.Invoke(options) ?? options, CancellationToken.None);
        var http = new HttpClient { BaseAddress = sim.BaseUrl };
        var token = await ClientCredentialsTokenAsync(http, sim.TokenUrl, sim.ClientId, sim.ClientSecret);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new SimHarness(sim, http);
    }

    public static async Task<string> ClientCredentialsTokenAsync(HttpClient http, Uri tokenUrl, string id, string secret)
    {
        using var response = await http.PostAsync(tokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = id,
            ["client_secret"] = secret,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Creates a classic upgrade policy <paramref name="minutesAhead"/> minutes after the virtual now.</summary>
    public Task<(HttpStatusCode Status, JsonNode? Body)> CreatePolicyAsync(string clusterId, string version, int minutesAhead, string route = "upgrade_policies") =>
        PostAsync(
            $"/api/clusters_mgmt/v1/clusters/{clusterId}/{route}",
            $$"""{"version": "{{version}}", "schedule_type": "manual", "next_run": "{{Time(Sim.Clock.Now.AddMinutes(minutesAhead))}}"}""");

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sim.DisposeAsync();
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
