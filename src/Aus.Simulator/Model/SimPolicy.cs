namespace Aus.Simulator.Model;

/// <summary>An upgrade policy of a cluster, its control plane or one of its node pools.</summary>
internal sealed class SimPolicy
{
    public required string Id { get; init; }

    /// <summary>Creation order, to break ties between events at the same instant.</summary>
    public required long Sequence { get; init; }

    public required string ClusterId { get; init; }

    public required SimPolicyKind Kind { get; init; }

    public string? NodePoolId { get; init; }

    public required string Version { get; init; }

    public string ScheduleType { get; init; } = "manual";

    public string? Schedule { get; init; }

    public required DateTimeOffset NextRun { get; init; }

    /// <summary>OCM's state value: pending, scheduled, started, delayed, failed, cancelled, completed.</summary>
    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Decided when the upgrade starts, from the seeded failure rate.</summary>
    public bool WillFail { get; set; }

    public string StateDescription => State switch
    {
        "scheduled" => "Upgrade scheduled.",
        "pending" => "Upgrade pending.",
        "started" => "Upgrade in progress.",
        "failed" => "Upgrade failed.",
        "completed" => "Upgrade completed.",
        "cancelled" => "Upgrade cancelled.",
        "delayed" => "Upgrade delayed.",
        _ => string.Empty,
    };
}
