using Aus.Application.Notifications;
using Aus.Storage.Ado;
using Aus.Storage.Controls;
using Aus.Storage.PostgreSql;
using Aus.Storage.Sqlite;

namespace Aus.Storage;

/// <summary>Opens the state store a location names, applying its schema migrations first.</summary>
public static class StateStore
{
    /// <summary>
    /// Opens the store of <paramref name="location"/> (see <see cref="StateLocation.TryParse"/>),
    /// creating a SQLite file and its directory on first use, and migrates it to the current schema.
    /// Throws <see cref="StateStoreLockedException"/> when <see cref="StateStoreOptions.ExclusiveProcess"/>
    /// is asked for and another process serves from the same SQLite file.
    /// </summary>
    public static async Task<IStateStore> OpenAsync(StateLocation location, StateStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        options ??= new StateStoreOptions();
        return location.Dialect switch
        {
            StateDialect.Sqlite => await SqliteStateStore.OpenAsync(location, options, cancellationToken),
            StateDialect.PostgreSql => await PostgresStateStore.OpenAsync(location, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(location), location.Dialect, null),
        };
    }

    /// <summary>Opens the store a <c>--state</c> text names (null: the default file); throws <see cref="FormatException"/> for a malformed one.</summary>
    public static Task<IStateStore> OpenAsync(string? stateUri, StateStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!StateLocation.TryParse(stateUri, out var location, out var error))
        {
            throw new FormatException(error);
        }

        return OpenAsync(location!, options, cancellationToken);
    }

    /// <summary>
    /// The store as a dry run sees it: reads go through, writes are accepted and dropped, so a
    /// dry-run pass runs the same code as a real one and changes nothing. Leases are still taken,
    /// so a dry run never reports on an organization while a replica is midway through it.
    /// </summary>
    public static IStateStore DryRun(IStateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as DryRunStateStore ?? new DryRunStateStore(store);
    }

    /// <summary>
    /// The notification delivery records kept in the store, shared by every process using it. A dry
    /// run's store gets records of its own in memory, since a dry run writes nothing and sends nothing.
    /// </summary>
    public static INotificationLedger NotificationLedger(IStateStore store) => store switch
    {
        AdoStateStore ado => ado,
        GuardedStateStore guarded => NotificationLedger(guarded.Inner),
        DryRunStateStore => new InMemoryNotificationLedger(),
        null => throw new ArgumentNullException(nameof(store)),
        _ => throw new ArgumentException($"{store.GetType().Name} keeps no notification delivery records", nameof(store)),
    };

    /// <summary>
    /// The rollout safety controls of an opened store. A dry-run store reads them through and
    /// keeps every change out of the store, like its other writes.
    /// </summary>
    public static IRolloutControlStore Controls(IStateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IRolloutControlStore
            ?? throw new ArgumentException($"the state store {store.Description} keeps no rollout controls", nameof(store));
    }
}
