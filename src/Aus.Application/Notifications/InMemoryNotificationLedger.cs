using System.Collections.Concurrent;
using Aus.Domain.Fleet;

namespace Aus.Application.Notifications;

/// <summary>
/// Delivery records kept in this process only: once per process, not across restarts or replicas.
/// For running without a state store; a store's ledger is what makes delivery once for good.
/// </summary>
public sealed class InMemoryNotificationLedger : INotificationLedger
{
    private readonly ConcurrentDictionary<(string Sink, NotificationKey Key), DateTimeOffset?> records = new();

    public Task<bool> TryClaimAsync(string sink, NotificationKey key, DateTimeOffset claimedAt, CancellationToken cancellationToken) =>
        Task.FromResult(records.TryAdd((sink, key), null));

    public Task MarkDeliveredAsync(string sink, NotificationKey key, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        records[(sink, key)] = deliveredAt;
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string sink, NotificationKey key, CancellationToken cancellationToken)
    {
        records.TryRemove((sink, key), out _);
        return Task.CompletedTask;
    }

    public Task<bool> HasAnnouncedUpgradeAsync(string sink, EnvironmentName environment, OrganizationId organizationId, string cluster, string version, CancellationToken cancellationToken) =>
        Task.FromResult(records.Keys.Any(r =>
            r.Sink == sink
            && r.Key.Environment == environment
            && r.Key.OrganizationId == organizationId
            && r.Key.Cluster == cluster
            && r.Key.Version == version
            && r.Key.Event != NotificationEvent.UpgradeCompleted.Name()));

    /// <summary>The delivered records, for tests and diagnostics.</summary>
    public IReadOnlyList<(string Sink, NotificationKey Key)> Delivered =>
        [.. records.Where(r => r.Value is not null).Select(r => r.Key)];
}
