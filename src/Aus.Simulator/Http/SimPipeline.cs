using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aus.Simulator.Http;

/// <summary>The middleware in front of the endpoints: request counters, fault injection, bearer-token checks.</summary>
internal static class SimPipeline
{
    private const string DroppedKey = "aus-sim.dropped";

    public static async Task CountAsync(HttpContext context, RequestDelegate next, SimulatorStats stats)
    {
        try
        {
            await next(context);
        }
        finally
        {
            var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            var endpoint = $"{context.Request.Method} {(template is null ? "(unmatched)" : "/" + template.TrimStart('/'))}";
            var status = context.Items.ContainsKey(DroppedKey)
                ? SimulatorStats.Dropped
                : context.Response.StatusCode.ToString(CultureInfo.InvariantCulture);
            stats.Record(endpoint, status);
        }
    }

    public static async Task InjectFaultsAsync(HttpContext context, RequestDelegate next, FaultInjector faults, SimWorld world)
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
