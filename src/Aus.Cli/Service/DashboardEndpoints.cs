using Aus.Application.Views;
using Aus.Cli.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Aus.Cli.Service;

/// <summary>The read-only dashboard at / and its data under /api/ (GET only: nothing here changes anything).</summary>
internal static class DashboardEndpoints
{
    /// <param name="view">The view as of now.</param>
    /// <param name="refreshSeconds">How often the page reloads itself.</param>
    public static void Map(WebApplication app, Func<FleetView> view, int refreshSeconds)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", (HttpContext context) => Page(context, DashboardHtmlWriter.Write(view(), refreshSeconds), "text/html; charset=utf-8"));
        app.MapGet("/api/fleet", (HttpContext context) => Page(context, DashboardJson.Fleet(view()), "application/json; charset=utf-8"));
        app.MapGet("/api/passes", (HttpContext context) => Page(context, DashboardJson.Passes(view().Passes), "application/json; charset=utf-8"));
    }

    private static IResult Page(HttpContext context, string body, string contentType)
    {
        // No script, no frame, nothing fetched: the page is its own inline CSS.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(body, contentType);
    }
}
