using System.Globalization;
using System.Text.Json;

namespace Aus.Cli.Service;

/// <summary>
/// The pass time from the OCM simulator's virtual clock (<c>GET {OCM_URL}/_sim/clock</c>), so that
/// `aus serve --clock ocm-sim` decides at the simulator's time: tests and demos move that clock and
/// the service follows. Never for a real OCM.
/// </summary>
internal sealed class SimulatorPassClock(HttpClient http, Uri ocmUrl) : IPassClock
{
    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(ocmUrl, "/_sim/clock"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var text = body.RootElement.GetProperty("now").GetString();
        return DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
