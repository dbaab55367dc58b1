namespace Aus.Ocm;

/// <summary>A service log entry of a cluster.</summary>
public sealed record ServiceLogEntry(string ClusterUuid, string ServiceName, string Summary, string Description, string Severity)
{
    public const string AusServiceName = "advanced-upgrade-scheduler";

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}
