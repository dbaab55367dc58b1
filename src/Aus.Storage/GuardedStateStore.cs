using System.Data.Common;
using Aus.Application.Ports;
using Aus.Domain.Controls;
using Aus.Domain.History;
using Aus.Storage.Controls;

namespace Aus.Storage;

/// <summary>
/// The store as callers use it: every failure of the database, the stored data, the lock file or a
/// lease comes out as one type, <see cref="StateStoreException"/>, with the original as its inner
/// exception. Open one with <see cref="OpenAsync"/>.
/// </summary>
public sealed class GuardedStateStore : IStateStore, IRolloutControlStore
{
    private readonly IStateStore _inner;

    private GuardedStateStore(IStateStore inner) => _inner = inner;

    public StateDialect Dialect => _inner.Dialect;

    /// <summary>The store it guards (for <see cref="StateStore.NotificationLedger"/>).</summary>
    internal IStateStore Inner => _inner;

    public string Description => _inner.Description;

    public int SchemaVersion => _inner.SchemaVersion;

    public IReadOnlyList<string> AppliedMigrations => _inner.AppliedMigrations;

    /// <summary>Opens the store (see <see cref="StateStore.OpenAsync(StateLocation, StateStoreOptions?, CancellationToken)"/>); failing to open is a <see cref="StateStoreException"/> too.</summary>
    public static Task<IStateStore> OpenAsync(StateLocation location, StateStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Guard(location.Description, async () => Wrap(await StateStore.OpenAsync(location, options, cancellationToken)));
    }

    public static IStateStore Wrap(IStateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as GuardedStateStore ?? new GuardedStateStore(store);
    }

    /// <summary>Whether the exception is the store failing rather than a defect of the caller.</summary>
    public static bool IsStoreFailure(Exception e) =>
        e is DbException or StateStoreLockedException or LeaseLostException or InvalidDataException
            or IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException;

    public Task<VersionHistory> GetHistoryAsync(HistoryKey key, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.GetHistoryAsync(key, cancellationToken));

    public Task<IReadOnlyList<StoredHistory>> ListHistoriesAsync(string? environment = null, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.ListHistoriesAsync(environment, cancellationToken));

    public Task CommitPassAsync(HistoryKey key, VersionHistory history, IReadOnlyList<AuditRecord> audit, IOrganizationLease? lease = null, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.CommitPassAsync(key, history, audit, lease, cancellationToken));

    public Task AppendAuditAsync(IReadOnlyList<AuditRecord> audit, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.AppendAuditAsync(audit, cancellationToken));

    public Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.QueryAuditAsync(query, cancellationToken));

    public Task<bool> HasServiceLogSinceAsync(string clusterUuid, string summary, string description, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.HasServiceLogSinceAsync(clusterUuid, summary, description, since, cancellationToken));

    public Task RecordServiceLogAsync(string clusterUuid, string summary, string description, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.RecordServiceLogAsync(clusterUuid, summary, description, sentAt, cancellationToken));

    public Task<int> DeleteServiceLogsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.DeleteServiceLogsBeforeAsync(before, cancellationToken));

    public Task ImportHistoriesAsync(IReadOnlyList<StoredHistory> histories, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.ImportHistoriesAsync(histories, cancellationToken));

    public Task<IOrganizationLease?> TryAcquireOrganizationLeaseAsync(string environment, string organizationId, string owner, CancellationToken cancellationToken = default) =>
        Guard(() => _inner.TryAcquireOrganizationLeaseAsync(environment, organizationId, owner, cancellationToken));

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Guard(() => _inner.PingAsync(cancellationToken));

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    public Task<StoredControls> GetControlsAsync(string? environment = null, string? organizationId = null, CancellationToken cancellationToken = default) =>
        Guard(() => StateStore.Controls(_inner).GetControlsAsync(environment, organizationId, cancellationToken));

    public Task PauseAsync(StoredPause pause, CancellationToken cancellationToken = default) =>
        Guard(() => StateStore.Controls(_inner).PauseAsync(pause, cancellationToken));

    public Task<bool> ResumeAsync(string environment, string organizationId, PauseScope scope, string? target, string resumedBy, DateTimeOffset resumedAt, CancellationToken cancellationToken = default) =>
        Guard(() => StateStore.Controls(_inner).ResumeAsync(environment, organizationId, scope, target, resumedBy, resumedAt, cancellationToken));

    public Task ApproveAsync(StoredApproval approval, CancellationToken cancellationToken = default) =>
        Guard(() => StateStore.Controls(_inner).ApproveAsync(approval, cancellationToken));

    public Task<int> RecordFailuresAsync(IReadOnlyList<StoredFailure> failures, CancellationToken cancellationToken = default) =>
        Guard(() => StateStore.Controls(_inner).RecordFailuresAsync(failures, cancellationToken));

    public Task<bool> HaltAsync(StoredHalt halt, CancellationToken cancellationToken = default) =>
        Guard(() => StateStore.Controls(_inner).HaltAsync(halt, cancellationToken));

    private Task<T> Guard<T>(Func<Task<T>> call) => Guard(Description, call);

    private Task Guard(Func<Task> call) => Guard(Description, async () =>
    {
        await call();
        return true;
    });

    private static async Task<T> Guard<T>(string description, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            throw new StateStoreException(e is StateStoreLockedException or LeaseLostException ? e.Message : $"state store {description}: {e.Message}", e);
        }
    }
}
