using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aus.Application.Forecast;
using Aus.Application.Views;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;

namespace Aus.Cli.Output;

/// <summary>The dashboard's data as JSON for /api/: the fleet view and the passes, camelCase, enums as kebab-case strings.</summary>
internal static class DashboardJson
{
    private static readonly DashboardJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter<ClusterStatus>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<CandidateState>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<UpgradePolicyKind>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<UpgradePolicyState>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<PauseScope>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<ForecastOutcome>(JsonNamingPolicy.KebabCaseLower),
            new OrganizationIdJsonConverter(),
        },
    });

    public static string Fleet(FleetView view) => JsonSerializer.Serialize(view, Context.FleetView);

    public static string Passes(ImmutableArray<PassView> passes) => JsonSerializer.Serialize(passes, Context.ImmutableArrayPassView);
}

[JsonSerializable(typeof(FleetView))]
[JsonSerializable(typeof(ImmutableArray<PassView>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;

/// <summary>An organization id as its plain text, as in every other JSON aus writes.</summary>
internal sealed class OrganizationIdJsonConverter : JsonConverter<OrganizationId>
{
    public override OrganizationId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("an organization id must be a string"));

    public override void Write(Utf8JsonWriter writer, OrganizationId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
