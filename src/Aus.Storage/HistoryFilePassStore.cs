using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Domain.History;
using Aus.Policies.History;

namespace Aus.Storage;

/// <summary>
/// A pass store in history files, one per organization, for runs without a state store: the
/// histories are read before the pass, and each organization's file is replaced atomically after
/// it. There are no leases (one process), and audit entries and service-log records have no home
/// here: they are only logged, and feedback dedup falls back on OCM's own service log.
/// </summary>
/// <param name="histories">Organization id, or <c>ORGID/ADDON_ID</c> for an add-on's, → the history read from its file.</param>
/// <param name="outputs">Organization id, or <c>ORGID/ADDON_ID</c>, → the file its checked-in history is written to.</param>
public sealed class HistoryFilePassStore(IReadOnlyDictionary<string, VersionHistory> histories, IReadOnlyDictionary<string, string> outputs) : IPassStore
{
    public Task<VersionHistory> GetHistoryAsync(OrganizationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Task.FromResult(histories.GetValueOrDefault(key.OrganizationId.Value) ?? VersionHistory.Empty);
    }

    public Task<IReadOnlyDictionary<string, VersionHistory>> GetAddonHistoriesAsync(OrganizationKey key, IReadOnlyCollection<string> addonIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(addonIds);
        IReadOnlyDictionary<string, VersionHistory> found = addonIds
            .Where(a => histories.ContainsKey(AddonHistoryKey.Of(key.OrganizationId, a)))
            .ToDictionary(a => a, a => histories[AddonHistoryKey.Of(key.OrganizationId, a)], StringComparer.Ordinal);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyDictionary<string, VersionHistory>> ListAddonHistoriesAsync(OrganizationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IReadOnlyDictionary<string, VersionHistory> found = histories
            .Select(h => (Addon: AddonHistoryKey.AddonOf(key.OrganizationId, h.Key), History: h.Value))
            .Where(h => h.Addon is not null)
            .ToDictionary(h => h.Addon!, h => h.History, StringComparer.Ordinal);
        return Task.FromResult(found);
    }

    /// <summary>Writes the histories of the add-ons that have a file; an add-on without one is not kept.</summary>
    public async Task CommitAddonHistoriesAsync(OrganizationKey key, IReadOnlyDictionary<string, VersionHistory> histories, IStoreLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(histories);
        foreach (var (addonId, history) in histories)
        {
            if (outputs.TryGetValue(AddonHistoryKey.Of(key.OrganizationId, addonId), out var path))
            {
                await WriteAsync(path, history, cancellationToken);
            }
        }
    }

    public Task<IStoreLease?> TryAcquireAsync(OrganizationKey key, CancellationToken cancellationToken) =>
        Task.FromResult<IStoreLease?>(null);

    public async Task CommitAsync(OrganizationKey key, VersionHistory? history, IReadOnlyList<AuditEntry> audit, IStoreLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (history is null || !outputs.TryGetValue(key.OrganizationId.Value, out var path))
        {
            return;
        }

        await WriteAsync(path, history, cancellationToken);
    }

    private static async Task WriteAsync(string path, VersionHistory history, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAtomicallyAsync(path, VersionHistoryJson.Write(history) + "\n", cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"writing the history file {path} failed: {e.Message}", e);
        }
    }

    public Task<bool> HasServiceLogSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    public Task RecordServiceLogAsync(ServiceLog log, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Readers see the old content or the new, never half of it.</summary>
    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
