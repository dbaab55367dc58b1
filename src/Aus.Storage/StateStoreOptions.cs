namespace Aus.Storage;

/// <summary>How a state store is opened.</summary>
public sealed record StateStoreOptions
{
    /// <summary>
    /// Take the state for this process alone: on SQLite, a lock on the database file itself that a
    /// second process cannot take, whatever path or link it opens the file by (<c>aus serve</c>, <c>aus run</c> and <c>aus state import</c> set
    /// this). PostgreSQL never needs it: replicas share the work through organization leases.
    /// </summary>
    public bool ExclusiveProcess { get; init; }

    /// <summary>
    /// Open only a SQLite file that exists, creating neither it nor its directory: for commands
    /// that only read (<c>aus state export</c>), where a mistyped path must be an error, not an
    /// empty history. A missing file throws <see cref="FileNotFoundException"/> naming it.
    /// </summary>
    public bool MustExist { get; init; }

    /// <summary>The clock for the store's own bookkeeping (update times, migration times).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
