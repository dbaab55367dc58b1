namespace Aus.Storage;

/// <summary>How a state store is opened.</summary>
public sealed record StateStoreOptions
{
    /// <summary>
    /// Take the state for this process alone: on SQLite, a lock file beside the database that a
    /// second process cannot take (<c>aus serve</c>, <c>aus run</c> and <c>aus state import</c> set
    /// this). PostgreSQL never needs it: replicas share the work through organization leases.
    /// </summary>
    public bool ExclusiveProcess { get; init; }

    /// <summary>The clock for the store's own bookkeeping (update times, migration times).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
