using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Aus.Application.Notifications;

namespace Aus.Integrations.Notifications;

/// <summary>
/// A notification as a CloudEvents 1.0 event in structured JSON mode. The <c>id</c> is derived from
/// the notification's delivery key, so a receiver can drop a duplicate by id as well.
/// </summary>
public static class CloudEvent
{
    public const string MediaType = "application/cloudevents+json";

    public static string Json(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("specversion", "1.0");
            json.WriteString("id", Id(notification.Key));
            json.WriteString("source", $"/aus/{Uri.EscapeDataString(notification.Environment.Value)}/{Uri.EscapeDataString(notification.OrganizationId.Value)}");
            json.WriteString("type", "aus." + notification.Event.Name());
            if (notification.Cluster is { } cluster)
            {
                json.WriteString("subject", cluster);
            }

            json.WriteString("time", Time(notification.ObservedAt));
            json.WriteString("datacontenttype", "application/json");
            json.WritePropertyName("data");
            WriteData(json, notification);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A stable id for a delivery key: the first 32 hex digits of its SHA-256.</summary>
    public static string Id(NotificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..32];
    }

    private static void WriteData(Utf8JsonWriter json, Notification n)
    {
        json.WriteStartObject();
        json.WriteString("environment", n.Environment.Value);
        json.WriteString("organizationId", n.OrganizationId.Value);
        json.WriteString("organizationName", n.OrganizationName);
        WriteOptional(json, "cluster", n.Cluster);
        WriteOptional(json, "clusterExternalId", n.ClusterExternalId);
        WriteOptional(json, "version", n.Version);
        WriteOptional(json, "policyId", n.PolicyId);
        WriteOptional(json, "policyKind", n.PolicyKind is { } kind ? JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()) : null);
        WriteOptional(json, "nodePool", n.NodePool);
        WriteOptional(json, "nextRun", n.NextRun is { } nextRun ? Time(nextRun) : null);
        if (!n.Errors.IsEmpty)
        {
            json.WriteStartArray("errors");
            foreach (var error in n.Errors)
            {
                json.WriteStringValue(error);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
