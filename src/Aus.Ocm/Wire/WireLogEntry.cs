namespace Aus.Ocm.Wire;

internal sealed record WireLogEntry
{
    public string? Id { get; init; }

    public string? ClusterId { get; init; }

    public string? ClusterUuid { get; init; }

    public string? ServiceName { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public string? Severity { get; init; }

    public string? Timestamp { get; init; }

    public string? CreatedAt { get; init; }
}
