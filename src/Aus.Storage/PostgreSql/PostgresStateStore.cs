using System.Collections.Concurrent;
using System.Data.Common;
using Aus.Storage.Ado;
using Npgsql;

namespace Aus.Storage.PostgreSql;

/// <summary>The shared store: PostgreSQL, for one or several <c>aus serve</c> replicas.</summary>
internal sealed class PostgresStateStore : AdoStateStore
{
    private readonly NpgsqlDataSource dataSource;

    // Leases still open, so closing the store closes their sessions and frees their organizations.
    private readonly ConcurrentDictionary<PostgresOrganizationLease, byte> leases = new();

    private PostgresStateStore(StateLocation location, StateStoreOptions options)
        : base(location, options)
    {
        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "aus";
        }

        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override StateDialect Dialect => StateDialect.PostgreSql;

    protected override string CreateMigrationsTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)";

    // Replicas starting together must not both apply the same migration.
    protected override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({AdvisoryLockKey.Migrations.Value})";

    public static async Task<PostgresStateStore> OpenAsync(StateLocation location, StateStoreOptions options, CancellationToken cancellationToken)
    {
        var store = new PostgresStateStore(location, options);
        try
        {
            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public override async Task<IOrganizationLease?> TryAcquireOrganizationLeaseAsync(
        string environment,
        string organizationId,
        string owner,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        ArgumentNullException.ThrowIfNull(owner);
        var lease = await PostgresOrganizationLease.TryAcquireAsync(this, Location.Target, environment, organizationId, owner, cancellationToken);
        if (lease is not null)
        {
            leases.TryAdd(lease, 0);
        }

        return lease;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var lease in leases.Keys)
        {
            await lease.DisposeAsync();
        }

        await dataSource.DisposeAsync();
    }

    /// <summary>Called by a lease when it is disposed.</summary>
    internal void Forget(PostgresOrganizationLease lease) => leases.TryRemove(lease, out _);

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override Task RunWriteAsync(
        IOrganizationLease? lease,
        Func<DbConnection, DbTransaction, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        if (lease is null)
        {
            return base.RunWriteAsync(null, work, cancellationToken);
        }

        if (lease is not PostgresOrganizationLease own || !ReferenceEquals(own.Store, this))
        {
            throw new ArgumentException("the lease was not taken from this store", nameof(lease));
        }

        return own.RunFencedAsync((connection, transaction, ct) => work(connection, transaction, ct), cancellationToken);
    }

    protected override object ToDatabaseTime(DateTimeOffset time) => TruncateToMicroseconds(time);

    protected override DateTimeOffset FromDatabaseTime(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);
}
