namespace Aus.Storage;

/// <summary>Which audit records to read; every filter left null matches everything.</summary>
public sealed record AuditQuery
{
    public string? Environment { get; init; }

    public string? OrganizationId { get; init; }

    public string? Cluster { get; init; }

    /// <summary>Records at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Records before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>At most this many records: the newest ones, returned oldest first.</summary>
    public int Limit { get; init; } = 1000;
}
