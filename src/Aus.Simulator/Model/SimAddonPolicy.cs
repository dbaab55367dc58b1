namespace Aus.Simulator.Model;

/// <summary>
/// An add-on upgrade: a v2 upgrade plan or a v1 add-on upgrade policy (the same object, served by
/// both services). Unlike a cluster policy it stays, completed, until it is deleted.
/// </summary>
internal sealed class SimAddonPolicy
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required string ClusterId { get; init; }

    public required string AddonId { get; init; }

    public required string Version { get; init; }

    public string ScheduleType { get; init; } = "manual";

    public required DateTimeOffset NextRun { get; init; }

    /// <summary>pending, scheduled, started, delayed, failed, cancelled or completed.</summary>
    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
}
