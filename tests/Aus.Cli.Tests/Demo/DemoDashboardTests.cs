using System.Net;
using System.Text.Json;
using Aus.Cli.Demo;
using Aus.Cli.Service;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Demo;

/// <summary>`aus demo --listen`: the dashboard follows the demo's rollout pass by pass.</summary>
public sealed class DemoDashboardTests
{
    [Fact]
    public async Task EveryPassOfTheDemo_ReachesTheDashboard_AndTheLastShowsTheRolloutDone()
    {
        var settings = new DemoSettings { Speed = 0 };
        var (inputs, _) = await DemoInputs.LoadAsync(settings, TextWriter.Null, CancellationToken.None);
        await using var dashboard = await DemoDashboard.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), settings, CancellationToken.None);

        var result = await new DemoRunner(settings, inputs!, new PlainDemoDisplay(TextWriter.Null), TimeProvider.System, NullLoggerFactory.Instance, dashboard.State)
            .RunAsync(CancellationToken.None);

        using var http = new HttpClient();
        using var passes = JsonDocument.Parse(await http.GetStringAsync(new Uri(dashboard.Address, "/api/passes")));
        passes.RootElement.GetArrayLength().ShouldBe(Math.Min(result.Passes, DashboardState.PassesKept));
        using var fleet = JsonDocument.Parse(await http.GetStringAsync(new Uri(dashboard.Address, "/api/fleet")));
        var organization = fleet.RootElement.GetProperty("environments")[0].GetProperty("organizations")[0];
        organization.GetProperty("sectors").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["stage", "prod-blue", "prod-green"]);
        var html = await http.GetStringAsync(dashboard.Address);
        html.ShouldContain("<th scope=\"row\">prod-4</th>");
    }

    [Fact]
    public async Task AfterEachPass_TheDashboardForecastsTheNewestRelease_AsServeDoes()
    {
        var settings = new DemoSettings { Speed = 0 };
        var (inputs, _) = await DemoInputs.LoadAsync(settings, TextWriter.Null, CancellationToken.None);
        await using var dashboard = await DemoDashboard.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), settings, CancellationToken.None);

        await new DemoRunner(settings, inputs!, new PlainDemoDisplay(TextWriter.Null), TimeProvider.System, NullLoggerFactory.Instance, dashboard.State)
            .RunAsync(CancellationToken.None);
        await dashboard.State.ForecastsDone;

        using var http = new HttpClient();
        using var fleet = JsonDocument.Parse(await http.GetStringAsync(new Uri(dashboard.Address, "/api/fleet")));
        var organization = fleet.RootElement.GetProperty("environments")[0].GetProperty("organizations")[0];
        var forecast = organization.GetProperty("forecast");
        forecast.GetProperty("release").GetString().ShouldBe(settings.Release);
        var clusters = forecast.GetProperty("clusters").EnumerateArray().ToList();
        clusters.Count.ShouldBe(organization.GetProperty("clusters").GetArrayLength());
        forecast.GetProperty("reached").GetInt32().ShouldBe(clusters.Count);
        var html = await http.GetStringAsync(dashboard.Address);
        html.ShouldContain("<caption>Forecast of " + settings.Release);
        html.ShouldNotContain("Forecast of the newest release unavailable");
    }

    [Fact]
    public async Task ABadListenAddress_IsAUsageError()
    {
        var run = await CliRun.RunAsync("demo", "--speed", "0", "--listen", "localhost");

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Stderr.ShouldContain("--listen 'localhost' is not an address and port");
    }
}
