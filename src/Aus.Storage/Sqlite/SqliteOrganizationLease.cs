using System.Collections.Concurrent;

namespace Aus.Storage.Sqlite;

/// <summary>
/// An organization lease on SQLite: held within this process. Other processes are kept off the
/// file as a whole by <see cref="StateFileLock"/>, so within the process is all there is to share.
/// </summary>
internal sealed class SqliteOrganizationLease : IOrganizationLease
{
    // Keyed by database file too, so two store instances on one file in one process still exclude each other.
    private static readonly ConcurrentDictionary<(string Database, string Environment, string Organization), SqliteOrganizationLease> Held = new();

    private readonly (string Database, string Environment, string Organization) key;
    private int disposed;

    private SqliteOrganizationLease(object store, (string, string, string) key, string owner)
    {
        Store = store;
        this.key = key;
        Owner = owner;
    }

    public string Environment => key.Environment;

    public string OrganizationId => key.Organization;

    public string Owner { get; }

    public bool IsHeld => Volatile.Read(ref disposed) == 0 && Held.TryGetValue(key, out var holder) && ReferenceEquals(holder, this);

    /// <summary>The store instance that took the lease; writes under it go through that store only.</summary>
    internal object Store { get; }

    public static SqliteOrganizationLease? TryAcquire(object store, string database, string environment, string organizationId, string owner)
    {
        var lease = new SqliteOrganizationLease(store, (database, environment, organizationId), owner);
        return Held.TryAdd(lease.key, lease) ? lease : null;
    }

    /// <summary>Releases every lease a store took and did not release, when that store closes.</summary>
    public static void ReleaseAll(object store)
    {
        foreach (var (_, lease) in Held)
        {
            if (ReferenceEquals(lease.Store, store))
            {
                lease.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            Held.TryRemove(new KeyValuePair<(string, string, string), SqliteOrganizationLease>(key, this));
        }

        return ValueTask.CompletedTask;
    }
}
