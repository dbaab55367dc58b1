using Aus.Application.Ports;
using Aus.Domain.History;

namespace Aus.Storage;

/// <summary>The state store as a reconcile pass's <see cref="IPassStore"/>; leases are taken in the name of <paramref name="owner"/>.</summary>
public sealed class StorePassStore(IStateStore store, string owner) : IPassStore
{
    private readonly IStateStore _store = GuardedStateStore.Wrap(store);

    public Task<VersionHistory> GetHistoryAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        _store.GetHistoryAsync(ToHistoryKey(key), cancellationToken);

    public async Task<IReadOnlyDictionary<string, VersionHistory>> GetAddonHistoriesAsync(OrganizationKey key, IReadOnlyCollection<string> addonIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(addonIds);
        var histories = new Dictionary<string, VersionHistory>(StringComparer.Ordinal);
        foreach (var addonId in addonIds)
        {
            var stored = await _store.GetHistoryAsync(new HistoryKey(key.Environment.Value, key.OrganizationId.Value, addonId), cancellationToken);
            if (!ReferenceEquals(stored, VersionHistory.Empty))
            {
                histories[addonId] = stored;
            }
        }

        return histories;
    }

    public async Task<IReadOnlyDictionary<string, VersionHistory>> ListAddonHistoriesAsync(OrganizationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (await _store.ListHistoriesAsync(key.Environment.Value, cancellationToken))
            .Where(h => h.Key.OrganizationId == key.OrganizationId.Value && h.Key.AddonId is not null)
            .ToDictionary(h => h.Key.AddonId!, h => h.History, StringComparer.Ordinal);
    }

    public async Task CommitAddonHistoriesAsync(OrganizationKey key, IReadOnlyDictionary<string, VersionHistory> histories, IStoreLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(histories);
        foreach (var (addonId, history) in histories.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            await _store.CommitPassAsync(new HistoryKey(key.Environment.Value, key.OrganizationId.Value, addonId), history, [], (lease as Lease)?.Inner, cancellationToken);
        }
    }

    public async Task<IStoreLease?> TryAcquireAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        await _store.TryAcquireOrganizationLeaseAsync(key.Environment.Value, key.OrganizationId.Value, owner, cancellationToken) is { } lease
            ? new Lease(key, lease)
            : null;

    public Task CommitAsync(OrganizationKey key, VersionHistory? history, IReadOnlyList<AuditEntry> audit, IStoreLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var records = audit.Select(ToRecord).ToList();
        return history is null
            ? _store.AppendAuditAsync(records, cancellationToken)
            : _store.CommitPassAsync(ToHistoryKey(key), history, records, (lease as Lease)?.Inner, cancellationToken);
    }

    public Task<bool> HasServiceLogSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        return _store.HasServiceLogSinceAsync(log.ClusterUuid, log.Summary, log.Description, since, cancellationToken);
    }

    public Task RecordServiceLogAsync(ServiceLog log, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        return _store.RecordServiceLogAsync(log.ClusterUuid, log.Summary, log.Description, sentAt, cancellationToken);
    }

    private static HistoryKey ToHistoryKey(OrganizationKey key) => new(key.Environment.Value, key.OrganizationId.Value);

    private static AuditRecord ToRecord(AuditEntry entry) => new(
        entry.Time,
        entry.Organization.Environment.Value,
        entry.Organization.OrganizationId.Value,
        entry.Cluster,
        entry.Action,
        entry.Version,
        entry.Reason,
        entry.Outcome switch
        {
            AuditOutcome.Succeeded => AuditResult.Succeeded,
            AuditOutcome.Refused => AuditResult.Refused,
            _ => AuditResult.Failed,
        },
        entry.OperationId);

    private sealed record Lease(OrganizationKey Key, IOrganizationLease Inner) : IStoreLease
    {
        public ValueTask DisposeAsync() => Inner.DisposeAsync();
    }
}
