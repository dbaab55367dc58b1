using Aus.Application.Ports;
using Aus.Domain.History;

namespace Aus.Application.Reconcile;

/// <summary>
/// Reads through to the store and keeps every write out of it. Leases are still taken, so a dry run
/// never reports on an organization while a replica is midway through it.
/// </summary>
internal sealed class DryRunPassStore(IPassStore inner) : IPassStore
{
    public Task<VersionHistory> GetHistoryAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        inner.GetHistoryAsync(key, cancellationToken);

    public Task<IReadOnlyDictionary<string, VersionHistory>> GetAddonHistoriesAsync(OrganizationKey key, IReadOnlyCollection<string> addonIds, CancellationToken cancellationToken) =>
        inner.GetAddonHistoriesAsync(key, addonIds, cancellationToken);

    public Task<IReadOnlyDictionary<string, VersionHistory>> ListAddonHistoriesAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        inner.ListAddonHistoriesAsync(key, cancellationToken);

    public Task CommitAddonHistoriesAsync(OrganizationKey key, IReadOnlyDictionary<string, VersionHistory> histories, IStoreLease? lease, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<IStoreLease?> TryAcquireAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        inner.TryAcquireAsync(key, cancellationToken);

    public Task CommitAsync(OrganizationKey key, VersionHistory? history, IReadOnlyList<AuditEntry> audit, IStoreLease? lease, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<bool> HasServiceLogSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.HasServiceLogSinceAsync(log, since, cancellationToken);

    public Task RecordServiceLogAsync(ServiceLog log, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
