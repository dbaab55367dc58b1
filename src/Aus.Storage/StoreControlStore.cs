using Aus.Application.Ports;
using Aus.Application.Safety;
using Aus.Storage.Controls;

namespace Aus.Storage;

/// <summary>The state store's rollout controls as a reconcile pass's <see cref="IControlStore"/>.</summary>
public sealed class StoreControlStore(IStateStore store) : IControlStore
{
    private readonly IRolloutControlStore _controls = StateStore.Controls(GuardedStateStore.Wrap(store));

    public async Task<OrganizationControls> GetControlsAsync(OrganizationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stored = await _controls.GetControlsAsync(key.Environment.Value, key.OrganizationId.Value, cancellationToken);
        return new OrganizationControls(
            stored.For(key.Environment.Value, key.OrganizationId.Value),
            [.. stored.Failures.Select(f => new RecordedFailure(new UpgradeFailure(f.Cluster, f.Version), f.IsCleared))]);
    }

    public Task RecordFailuresAsync(OrganizationKey key, IReadOnlyList<UpgradeFailure> failures, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(failures);
        return _controls.RecordFailuresAsync(
            [.. failures.Select(f => new StoredFailure(key.Environment.Value, key.OrganizationId.Value, f.Cluster, f.Version, seenAt, null))], cancellationToken);
    }

    public Task HaltAsync(OrganizationKey key, string version, string reason, DateTimeOffset haltedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _controls.HaltAsync(new StoredHalt(key.Environment.Value, key.OrganizationId.Value, version, reason, haltedAt), cancellationToken);
    }
}
