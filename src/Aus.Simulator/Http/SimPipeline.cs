using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aus.Simulator.Http;

/// <summary>The middleware in front of the endpoints: request counters, fault injection, bearer-token checks.</summary>
internal static class SimPipeline
{
    private const string DroppedKey = "aus-sim.dropped";
    private const string RecordedKey = "aus-sim.recorded";

    public static async Task CountAsync(HttpContext context, RequestDelegate next, SimulatorStats stats)
    {
        // Count when the response starts, before the client can see it, so a caller reading the
        // counters right after its response always finds its request there.
        context.Response.OnStarting(() =>
        {
            Record(context, stats, context.Response.StatusCode.ToString(CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Response.HasStarted)
            {
                Record(context, stats, context.Items.ContainsKey(DroppedKey) ? SimulatorStats.Dropped : context.Response.StatusCode.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private static void Record(HttpContext context, SimulatorStats stats, string status)
    {
        if (context.Items.TryAdd(RecordedKey, true))
        {
            stats.Record(EndpointName(context), status);
        }
    }

    private static string EndpointName(HttpContext context)
    {
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        return $"{context.Request.Method} {(template is null ? "(unmatched)" : "/" + template.TrimStart('/'))}";
    }

    public static async Task InjectFaultsAsync(HttpContext context, RequestDelegate next, FaultInjector faults, SimWorld world, SimulatorStats stats)
    {
        var settings = faults.Settings;
        if (!(context.Request.Path.Value ?? string.Empty).StartsWith(settings.PathPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        if (settings.LatencyMs > 0)
        {
            await Task.Delay(settings.LatencyMs, context.RequestAborted);
        }

        switch (faults.Choose(settings))
        {
            case null:
                await next(context);
                break;
            case 0:
                context.Items[DroppedKey] = true;
                Record(context, stats, SimulatorStats.Dropped);
                context.Abort();
                break;
            case 429:
                context.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await OcmResults.Error(context, world, 429, "Too many requests (injected by the simulator)").ExecuteAsync(context);
                break;
            case { } status:
                await OcmResults.Error(context, world, status, $"Injected failure {status} (simulator fault injection)").ExecuteAsync(context);
                break;
        }
    }

    public static async Task AuthenticateAsync(HttpContext context, RequestDelegate next, TokenStore tokens, SimWorld world)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        string? reason = null;
        if (string.IsNullOrEmpty(header))
        {
            reason = "Request doesn't contain the 'Authorization' header";
        }
        else if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            reason = "Authorization header doesn't use the 'Bearer' scheme";
        }
        else if (!tokens.IsValid(header["Bearer ".Length..].Trim()))
        {
            reason = "Bearer token is invalid or has expired";
        }

        if (reason is null)
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await OcmResults.Error(context, world, 401, reason).ExecuteAsync(context);
    }
}
