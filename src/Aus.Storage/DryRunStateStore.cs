using Aus.Domain.Controls;
using Aus.Domain.History;
using Aus.Storage.Controls;

namespace Aus.Storage;

/// <summary>See <see cref="StateStore.DryRun"/>.</summary>
internal sealed class DryRunStateStore(IStateStore inner) : IStateStore, IRolloutControlStore
{
    public StateDialect Dialect => inner.Dialect;

    public string Description => inner.Description;

    public int SchemaVersion => inner.SchemaVersion;

    public IReadOnlyList<string> AppliedMigrations => inner.AppliedMigrations;

    public Task<VersionHistory> GetHistoryAsync(HistoryKey key, CancellationToken cancellationToken = default) =>
        inner.GetHistoryAsync(key, cancellationToken);

    public Task<IReadOnlyList<StoredHistory>> ListHistoriesAsync(string? environment = null, CancellationToken cancellationToken = default) =>
        inner.ListHistoriesAsync(environment, cancellationToken);

    public Task CommitPassAsync(HistoryKey key, VersionHistory history, IReadOnlyList<AuditRecord> audit, IOrganizationLease? lease = null, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task AppendAuditAsync(IReadOnlyList<AuditRecord> audit, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryAuditAsync(query, cancellationToken);

    public Task<bool> HasServiceLogSinceAsync(string clusterUuid, string summary, string description, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        inner.HasServiceLogSinceAsync(clusterUuid, summary, description, since, cancellationToken);

    public Task RecordServiceLogAsync(string clusterUuid, string summary, string description, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task<int> DeleteServiceLogsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public Task ImportHistoriesAsync(IReadOnlyList<StoredHistory> histories, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IOrganizationLease?> TryAcquireOrganizationLeaseAsync(string environment, string organizationId, string owner, CancellationToken cancellationToken = default) =>
        inner.TryAcquireOrganizationLeaseAsync(environment, organizationId, owner, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    public Task<StoredControls> GetControlsAsync(string? environment = null, string? organizationId = null, CancellationToken cancellationToken = default) =>
        StateStore.Controls(inner).GetControlsAsync(environment, organizationId, cancellationToken);

    public Task PauseAsync(StoredPause pause, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> ResumeAsync(string environment, string organizationId, PauseScope scope, string? target, string resumedBy, DateTimeOffset resumedAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    public Task ApproveAsync(StoredApproval approval, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<int> RecordFailuresAsync(IReadOnlyList<StoredFailure> failures, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public Task<bool> HaltAsync(StoredHalt halt, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
