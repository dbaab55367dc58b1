using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Aus.Simulator.Http;

/// <summary>Reads JSON request bodies; a body that is not a JSON object is the caller's error, not ours.</summary>
internal static class RequestBody
{
    public static async Task<(JsonObject? Body, string? Error)> ReadAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return node is JsonObject obj ? (obj, null) : (null, "The request body must be a JSON object");
        }
        catch (JsonException e)
        {
            return (null, $"The request body is not valid JSON: {e.Message}");
        }
    }

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static (DateTimeOffset? Value, string? Error) Time(JsonObject body, string name)
    {
        var text = String(body, name);
        if (text is null)
        {
            return (null, null);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? (t, null)
            : (null, $"Attribute '{name}' value '{text}' is not an RFC 3339 time");
    }
}
