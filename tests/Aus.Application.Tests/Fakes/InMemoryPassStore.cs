using Aus.Application.Ports;
using Aus.Domain.History;

namespace Aus.Application.Tests.Fakes;

/// <summary>The pass store in memory; organizations can be held by another replica or made to fail.</summary>
internal sealed class InMemoryPassStore : IPassStore
{
    public Dictionary<OrganizationKey, VersionHistory> Histories { get; } = [];

    /// <summary>(organization, add-on id) → the add-on's history.</summary>
    public Dictionary<(OrganizationKey Organization, string Addon), VersionHistory> AddonHistories { get; } = [];

    public List<AuditEntry> Audit { get; } = [];

    public List<(ServiceLog Log, DateTimeOffset SentAt)> ServiceLogs { get; } = [];

    /// <summary>Organizations whose lease another replica holds.</summary>
    public HashSet<string> HeldElsewhere { get; } = new(StringComparer.Ordinal);

    /// <summary>Organizations whose history cannot be read.</summary>
    public HashSet<string> UnreadableHistories { get; } = new(StringComparer.Ordinal);

    /// <summary>Organizations whose commit fails.</summary>
    public HashSet<string> FailingCommits { get; } = new(StringComparer.Ordinal);

    public List<OrganizationKey> Commits { get; } = [];

    public List<OrganizationKey> LeasesTaken { get; } = [];

    public int LeasesReleased { get; private set; }

    /// <summary>Every write the store received (commits and service-log records).</summary>
    public int Writes => Commits.Count + ServiceLogs.Count;

    public Task<VersionHistory> GetHistoryAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        UnreadableHistories.Contains(key.OrganizationId.Value)
            ? throw new StateStoreException($"the history of {key} is not valid JSON")
            : Task.FromResult(Histories.GetValueOrDefault(key) ?? VersionHistory.Empty);

    public Task<IReadOnlyDictionary<string, VersionHistory>> GetAddonHistoriesAsync(OrganizationKey key, IReadOnlyCollection<string> addonIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, VersionHistory>>(addonIds
            .Where(a => AddonHistories.ContainsKey((key, a)))
            .ToDictionary(a => a, a => AddonHistories[(key, a)], StringComparer.Ordinal));

    public Task<IReadOnlyDictionary<string, VersionHistory>> ListAddonHistoriesAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, VersionHistory>>(AddonHistories
            .Where(h => h.Key.Organization == key)
            .ToDictionary(h => h.Key.Addon, h => h.Value, StringComparer.Ordinal));

    public Task CommitAddonHistoriesAsync(OrganizationKey key, IReadOnlyDictionary<string, VersionHistory> histories, IStoreLease? lease, CancellationToken cancellationToken)
    {
        foreach (var (addon, history) in histories)
        {
            AddonHistories[(key, addon)] = history;
        }

        return Task.CompletedTask;
    }

    public Task<IStoreLease?> TryAcquireAsync(OrganizationKey key, CancellationToken cancellationToken)
    {
        if (HeldElsewhere.Contains(key.OrganizationId.Value))
        {
            return Task.FromResult<IStoreLease?>(null);
        }

        LeasesTaken.Add(key);
        return Task.FromResult<IStoreLease?>(new Lease(key, this));
    }

    public Task CommitAsync(OrganizationKey key, VersionHistory? history, IReadOnlyList<AuditEntry> audit, IStoreLease? lease, CancellationToken cancellationToken)
    {
        if (FailingCommits.Contains(key.OrganizationId.Value))
        {
            throw new StateStoreException("the database is read only");
        }

        Commits.Add(key);
        if (history is not null)
        {
            Histories[key] = history;
        }

        Audit.AddRange(audit);
        return Task.CompletedTask;
    }

    public Task<bool> HasServiceLogSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(ServiceLogs.Any(s => s.Log == log && s.SentAt >= since));

    public Task RecordServiceLogAsync(ServiceLog log, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ServiceLogs.Add((log, sentAt));
        return Task.CompletedTask;
    }

    private sealed record Lease(OrganizationKey Key, InMemoryPassStore Store) : IStoreLease
    {
        public ValueTask DisposeAsync()
        {
            Store.LeasesReleased++;
            return ValueTask.CompletedTask;
        }
    }
}
