using Aus.Domain.History;
using Aus.Policies.History;
using Aus.Storage;

namespace Aus.Cli.Reconcile;

/// <summary>
/// Pass state in --history files (one per organization), for runs without a store: the histories
/// are read before the pass and each organization's file is replaced atomically after it. Audit
/// records have no home here and are only logged.
/// </summary>
internal sealed class FilePassState(IReadOnlyDictionary<string, VersionHistory> histories, IReadOnlyDictionary<string, string> outputs) : IPassState
{
    public Task<VersionHistory> GetHistoryAsync(HistoryKey key, CancellationToken cancellationToken) =>
        Task.FromResult(histories.GetValueOrDefault(key.OrganizationId) ?? VersionHistory.Empty);

    public Task<IOrganizationLease?> TryAcquireAsync(HistoryKey key, CancellationToken cancellationToken) =>
        Task.FromResult<IOrganizationLease?>(null);

    public async Task CommitAsync(HistoryKey key, VersionHistory? history, IReadOnlyList<AuditRecord> audit, IOrganizationLease? lease, CancellationToken cancellationToken)
    {
        if (history is not null && outputs.TryGetValue(key.OrganizationId, out var path))
        {
            await AtomicFile.WriteAllTextAsync(path, VersionHistoryJson.Write(history) + "\n", cancellationToken);
        }
    }
}
