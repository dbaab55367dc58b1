using System.Text.Json;

namespace Aus.Ocm.Wire;

/// <summary>
/// An add-on upgrade policy (cluster service v1, <c>schedule_type</c>) or upgrade plan (add-ons
/// service v2, <c>type</c>). The v2 state is read whether it comes as a string or as <c>{value}</c>.
/// </summary>
internal sealed record WireAddonUpgradePolicy
{
    public string? Id { get; init; }

    public string? AddonId { get; init; }

    public string? ScheduleType { get; init; }

    public string? Type { get; init; }

    public string? Schedule { get; init; }

    public string? NextRun { get; init; }

    public string? Version { get; init; }

    public JsonElement? State { get; init; }

    public string? StateValue => State switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Object } state when state.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String => value.GetString(),
        _ => null,
    };
}
