using Aus.Application.Ports;
using Aus.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Service;

/// <summary>
/// `aus serve`'s process: the pass loop and the HTTP endpoints /healthz (the process is up),
/// /readyz (a pass ended recently and the store answers), /metrics (Prometheus text format), and
/// the read-only dashboard at / with its data under /api/.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    /// <summary>How much longer than the shutdown timeout the host waits for the pass loop to stop.</summary>
    public static readonly TimeSpan StopAllowance = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;

    private ServiceHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Why the pass loop died, once it has; null while it runs or after a clean stop.</summary>
    public Exception? LoopFailure =>
        _app.Services.GetServices<IHostedService>().OfType<PassLoop>().FirstOrDefault()?.ExecuteTask is { IsFaulted: true } task
            ? task.Exception?.GetBaseException()
            : null;

    /// <summary>Where the endpoints listen, e.g. http://127.0.0.1:9090.</summary>
    public Uri Address { get; }

    /// <summary>Stopped when SIGTERM or Ctrl+C arrives (with <c>handleSignals</c>) or <see cref="StopAsync"/> is called.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<ServiceHost> StartAsync(
        ReconcileService service, IStateStore? store, TimeProvider time, ILoggerFactory loggers, bool handleSignals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ServiceHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(time);
        builder.Services.AddHostedService<PassLoop>();

        // The host waits for the pass loop a little longer than the loop lets a pass run on.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = service.Settings.ShutdownTimeout + StopAllowance);
        if (!handleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        }

        builder.WebHost.ConfigureKestrel(k => k.Listen(service.Settings.Listen));
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", async (CancellationToken ct) =>
        {
            var problem = await ReadinessProblemAsync(service, store, time, ct);
            return problem is null ? Results.Text("ready\n") : Results.Text($"not ready: {problem}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await service.Metrics.WriteAsync(context.Response.Body, context.RequestAborted);
        });

        service.ServeDashboard();
        DashboardEndpoints.Map(app, () => service.Dashboard.View(time.GetUtcNow()), (int)Math.Clamp(service.Settings.Interval.TotalSeconds, 5, 300));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceHost(app, new Uri(address));
    }

    /// <summary>Why the service is not ready, or null: the last pass must have ended within two intervals and the store must answer.</summary>
    /// <param name="store">Null for a dry run on a store that does not exist yet: there is nothing to ask.</param>
    public static async Task<string?> ReadinessProblemAsync(ReconcileService service, IStateStore? store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var last = service.LastPassEnded;
        if (last is null)
        {
            return "no pass has ended yet";
        }

        var age = time.GetUtcNow() - last.Value;
        if (age > 2 * service.Settings.Interval)
        {
            return FormattableString.Invariant($"the last pass ended {age.TotalSeconds:0} s ago, more than two intervals");
        }

        if (store is null)
        {
            return null;
        }

        try
        {
            await GuardedStateStore.Wrap(store).PingAsync(cancellationToken);
        }
        catch (StateStoreException e)
        {
            return $"the store does not answer: {e.Message}";
        }

        return null;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
