using Aus.Application.Ports;
using Aus.Application.Safety;

namespace Aus.Application.Reconcile;

/// <summary>Reads the controls through and records no failure and no halt.</summary>
internal sealed class DryRunControlStore(IControlStore inner) : IControlStore
{
    public Task<OrganizationControls> GetControlsAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        inner.GetControlsAsync(key, cancellationToken);

    public Task RecordFailuresAsync(OrganizationKey key, IReadOnlyList<UpgradeFailure> failures, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task HaltAsync(OrganizationKey key, string version, string reason, DateTimeOffset haltedAt, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
