namespace Aus.Simulator.Model;

/// <summary>A service log entry of a cluster.</summary>
internal sealed class SimLogEntry
{
    public required string Id { get; init; }

    public required string ClusterUuid { get; init; }

    public string? ClusterId { get; init; }

    public string? SubscriptionId { get; init; }

    public required string ServiceName { get; init; }

    public required string Summary { get; init; }

    public required string Description { get; init; }

    public required string Severity { get; init; }

    /// <summary>One of OCM's log types, or null (left out) when the poster gave none.</summary>
    public string? LogType { get; init; }

    public bool InternalOnly { get; init; }

    public string Username { get; init; } = "service-account-aus-sim";

    public required DateTimeOffset CreatedAt { get; init; }
}
