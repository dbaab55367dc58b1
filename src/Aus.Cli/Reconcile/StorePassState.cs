using Aus.Domain.History;
using Aus.Storage;

namespace Aus.Cli.Reconcile;

/// <summary>Pass state in the state store; organizations are leased so that replicas never share one.</summary>
internal sealed class StorePassState(IStateStore store, string owner) : IPassState
{
    public Task<VersionHistory> GetHistoryAsync(HistoryKey key, CancellationToken cancellationToken) =>
        store.GetHistoryAsync(key, cancellationToken);

    public Task<IOrganizationLease?> TryAcquireAsync(HistoryKey key, CancellationToken cancellationToken) =>
        store.TryAcquireOrganizationLeaseAsync(key.Environment, key.OrganizationId, owner, cancellationToken);

    public async Task CommitAsync(HistoryKey key, VersionHistory? history, IReadOnlyList<AuditRecord> audit, IOrganizationLease? lease, CancellationToken cancellationToken)
    {
        if (history is null)
        {
            await store.AppendAuditAsync(audit, cancellationToken);
            return;
        }

        await store.CommitPassAsync(key, history, audit, lease, cancellationToken);
    }
}
