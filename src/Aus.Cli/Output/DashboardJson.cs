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
        },
    });

    public static string Fleet(FleetView view) => JsonSerializer.Serialize(view, Context.FleetView);

    public static string Passes(ImmutableArray<PassView> passes) => JsonSerializer.Serialize(passes, Context.ImmutableArrayPassView);
}

[JsonSerializable(typeof(FleetView))]
[JsonSerializable(typeof(ImmutableArray<PassView>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
