using Aus.Domain.History;

namespace Aus.Storage;

/// <summary>
/// The state aus keeps between passes: soak histories, the audit log and the service-log dedup
/// records. Open one with <see cref="StateStore.OpenAsync"/>; it is safe to use from several
/// threads at once. For a dry run wrap it with <see cref="StateStore.DryRun"/>, which reads through
/// and keeps every write out of the store.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    StateDialect Dialect { get; }

    /// <summary>Where the state is, fit to show (a PostgreSQL password is left out).</summary>
    string Description { get; }

    /// <summary>The schema version the store has after the migrations applied at opening.</summary>
    int SchemaVersion { get; }

    /// <summary>The migrations this opening applied, by file name (empty when the schema was current).</summary>
    IReadOnlyList<string> AppliedMigrations { get; }

    /// <summary>The stored history, or <see cref="VersionHistory.Empty"/> when there is none.</summary>
    Task<VersionHistory> GetHistoryAsync(HistoryKey key, CancellationToken cancellationToken = default);

    /// <summary>Every stored history, optionally of one OCM environment, ordered by key.</summary>
    Task<IReadOnlyList<StoredHistory>> ListHistoriesAsync(string? environment = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the checked-in history of a pass and the pass's audit records in one transaction:
    /// both or neither. With a lease, the write is fenced: it is refused with
    /// <see cref="LeaseLostException"/> unless the lease is still held when it commits.
    /// </summary>
    Task CommitPassAsync(
        HistoryKey key,
        VersionHistory history,
        IReadOnlyList<AuditRecord> audit,
        IOrganizationLease? lease = null,
        CancellationToken cancellationToken = default);

    /// <summary>Adds audit records outside a pass commit (for instance a refusal before any planning).</summary>
    Task AppendAuditAsync(IReadOnlyList<AuditRecord> audit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Whether the same service log was sent to the cluster at or after <paramref name="since"/>.</summary>
    Task<bool> HasServiceLogSinceAsync(
        string clusterUuid,
        string summary,
        string description,
        DateTimeOffset since,
        CancellationToken cancellationToken = default);

    /// <summary>Records that a service log was sent, for <see cref="HasServiceLogSinceAsync"/>.</summary>
    Task RecordServiceLogAsync(
        string clusterUuid,
        string summary,
        string description,
        DateTimeOffset sentAt,
        CancellationToken cancellationToken = default);

    /// <summary>Forgets service logs sent before the given time (older than any dedup window); returns how many.</summary>
    Task<int> DeleteServiceLogsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>Replaces the given histories, all in one transaction (for <c>aus state import</c>).</summary>
    Task ImportHistoriesAsync(IReadOnlyList<StoredHistory> histories, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tries to take the organization for this process. Returns null at once when another holder
    /// has it. On PostgreSQL the lease lives as long as its database session: a replica that dies
    /// loses its sessions and so its leases. On SQLite it is held within this process, which the
    /// exclusive lock file makes the only one serving from the file.
    /// </summary>
    Task<IOrganizationLease?> TryAcquireOrganizationLeaseAsync(
        string environment,
        string organizationId,
        string owner,
        CancellationToken cancellationToken = default);

    /// <summary>Checks the store answers (for <c>/readyz</c>); throws when it does not.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
