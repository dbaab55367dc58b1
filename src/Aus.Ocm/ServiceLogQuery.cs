namespace Aus.Ocm;

/// <summary>
/// Which service logs to find: those of one cluster, optionally matching the other fields exactly
/// and created at or after <see cref="CreatedSince"/> (the reference looks back one day to avoid
/// sending the same log twice).
/// </summary>
public sealed record ServiceLogQuery(string ClusterUuid)
{
    public string? ServiceName { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public string? Severity { get; init; }

    public DateTimeOffset? CreatedSince { get; init; }
}
