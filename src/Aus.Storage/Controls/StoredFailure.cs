namespace Aus.Storage.Controls;

/// <summary>A failed upgrade seen in OCM; <see cref="ClearedAt"/> is when a resume of its version forgave it.</summary>
public sealed record StoredFailure(
    string Environment,
    string OrganizationId,
    string Cluster,
    string Version,
    DateTimeOffset SeenAt,
    DateTimeOffset? ClearedAt)
{
    public bool IsCleared => ClearedAt is not null;
}
