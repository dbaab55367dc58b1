using Aus.Application.Safety;

namespace Aus.Application.Ports;

/// <summary>
/// The rollout safety controls a reconcile pass reads and the halt rule's records it keeps: the
/// pauses, approvals and halted versions of an organization, the failed upgrades seen so far, and
/// new failures and halts (each audited with its change). Every failure surfaces as
/// <see cref="StateStoreException"/>.
/// </summary>
public interface IControlStore
{
    /// <summary>The organization's controls and recorded failures; none when nothing is stored.</summary>
    Task<OrganizationControls> GetControlsAsync(OrganizationKey key, CancellationToken cancellationToken);

    /// <summary>Records failed upgrades first seen at <paramref name="seenAt"/> (one per cluster and version).</summary>
    Task RecordFailuresAsync(OrganizationKey key, IReadOnlyList<UpgradeFailure> failures, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Halts a version in the organization, with the reason in words.</summary>
    Task HaltAsync(OrganizationKey key, string version, string reason, DateTimeOffset haltedAt, CancellationToken cancellationToken);
}
