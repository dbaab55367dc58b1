using System.Net;
using Aus.Cli.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Demo;

/// <summary>`aus demo --listen`: the dashboard of `aus serve`, showing the demo's rollout pass by pass while it runs.</summary>
internal sealed class DemoDashboard : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoDashboard(WebApplication app, DashboardState state, Uri address)
    {
        _app = app;
        State = state;
        Address = address;
    }

    public DashboardState State { get; }

    public Uri Address { get; }

    /// <summary>
    /// Serves the dashboard on <paramref name="listen"/>; after each pass it forecasts the newest
    /// release as `aus serve` does, with the demo's pass interval and upgrade duration.
    /// </summary>
    public static async Task<DemoDashboard> StartAsync(IPEndPoint listen, DemoSettings settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DemoDashboard).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(listen));
        var app = builder.Build();
        var state = new DashboardState();
        state.ForecastNewestRelease(settings.PassInterval, settings.UpgradeDuration);

        // The demo's passes come every few real seconds: the page follows them.
        DashboardEndpoints.Map(app, () => state.View(DateTimeOffset.UnixEpoch), refreshSeconds: 2);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DemoDashboard(app, state, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
