namespace Aus.Application.Ports;

/// <summary>
/// The state a reconcile pass keeps between passes: soak histories, organization leases, the audit
/// log and the record of service logs sent. Every failure to read or write surfaces as
/// <see cref="StateStoreException"/>.
/// </summary>
public interface IPassStore
{
    /// <summary>The stored history, or an empty one when there is none.</summary>
    Task<Domain.History.VersionHistory> GetHistoryAsync(OrganizationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// The stored soak histories of the organization's add-ons (key <c>ORGID/ADDON_ID</c>), by add-on
    /// id, for the given add-on ids; an add-on without one is absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, Domain.History.VersionHistory>> GetAddonHistoriesAsync(OrganizationKey key, IReadOnlyCollection<string> addonIds, CancellationToken cancellationToken);

    /// <summary>Every stored soak history of the organization's add-ons, by add-on id: what a read-only command plans from.</summary>
    Task<IReadOnlyDictionary<string, Domain.History.VersionHistory>> ListAddonHistoriesAsync(OrganizationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the checked-in histories of the organization's add-ons, by add-on id. With a lease, the
    /// write is refused once the lease is lost.
    /// </summary>
    Task CommitAddonHistoriesAsync(OrganizationKey key, IReadOnlyDictionary<string, Domain.History.VersionHistory> histories, IStoreLease? lease, CancellationToken cancellationToken);

    /// <summary>Takes the organization for this pass; null when another replica has it.</summary>
    Task<IStoreLease?> TryAcquireAsync(OrganizationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the checked-in history and the pass's audit entries together, or neither. A null history
    /// keeps only the audit entries. With a lease, the write is refused once the lease is lost.
    /// </summary>
    Task CommitAsync(OrganizationKey key, Domain.History.VersionHistory? history, IReadOnlyList<AuditEntry> audit, IStoreLease? lease, CancellationToken cancellationToken);

    /// <summary>Whether the same service log went to the cluster at or after <paramref name="since"/>.</summary>
    Task<bool> HasServiceLogSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records that a service log was sent.</summary>
    Task RecordServiceLogAsync(ServiceLog log, DateTimeOffset sentAt, CancellationToken cancellationToken);
}
