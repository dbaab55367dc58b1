namespace Aus.Storage;

/// <summary>The database behind a state store.</summary>
public enum StateDialect
{
    /// <summary>An embedded SQLite file: the default, for a single aus process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for several <c>aus serve</c> replicas sharing the work.</summary>
    PostgreSql,
}
