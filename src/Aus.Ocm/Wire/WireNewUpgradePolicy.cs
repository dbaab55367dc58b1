using System.Text.Json.Serialization;

namespace Aus.Ocm.Wire;

/// <summary>
/// The body of an upgrade policy creation, fields in the reference's order (§11.9.3); the
/// control-plane and node-pool kinds add upgrade_type and cluster_id.
/// </summary>
internal sealed record WireNewUpgradePolicy
{
    public required string Version { get; init; }

    public string ScheduleType { get; init; } = "manual";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpgradeType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClusterId { get; init; }

    public required string NextRun { get; init; }
}
