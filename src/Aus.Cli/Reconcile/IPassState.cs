using Aus.Domain.History;
using Aus.Storage;

namespace Aus.Cli.Reconcile;

/// <summary>Where a reconcile pass reads and keeps soak histories: the state store, or --history files.</summary>
internal interface IPassState
{
    Task<VersionHistory> GetHistoryAsync(HistoryKey key, CancellationToken cancellationToken);

    /// <summary>Takes the organization for this pass; null when another replica has it.</summary>
    Task<IOrganizationLease?> TryAcquireAsync(HistoryKey key, CancellationToken cancellationToken);

    /// <summary>Keeps the checked-in history and the pass's audit records together, or neither.</summary>
    Task CommitAsync(HistoryKey key, VersionHistory? history, IReadOnlyList<AuditRecord> audit, IOrganizationLease? lease, CancellationToken cancellationToken);
}
