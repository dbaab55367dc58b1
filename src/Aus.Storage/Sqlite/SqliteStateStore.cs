using System.Data.Common;
using System.Globalization;
using Aus.Storage.Ado;
using Microsoft.Data.Sqlite;

namespace Aus.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode, for a single aus process.</summary>
internal sealed class SqliteStateStore : AdoStateStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private readonly string connectionString;
    private readonly StateFileLock? fileLock;

    private SqliteStateStore(StateLocation location, StateStoreOptions options, StateFileLock? fileLock)
        : base(location, options)
    {
        this.fileLock = fileLock;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = location.Target,
            Mode = SqliteOpenMode.ReadWriteCreate,

            // Each operation opens the file afresh: cheap at aus's rate, and no pooled handle outlives the store.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override StateDialect Dialect => StateDialect.Sqlite;

    protected override string CreateMigrationsTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already gives the migrator the write lock.
    protected override string? MigrationLockSql => null;

    public static async Task<SqliteStateStore> OpenAsync(StateLocation location, StateStoreOptions options, CancellationToken cancellationToken)
    {
        if (options.MustExist && !File.Exists(location.Target))
        {
            throw new FileNotFoundException($"the state file {location.Target} does not exist; check --state / AUS_STATE", location.Target);
        }

        var directory = Path.GetDirectoryName(location.Target);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var fileLock = options.ExclusiveProcess ? StateFileLock.Acquire(location.Target) : null;
        var store = new SqliteStateStore(location, options, fileLock);
        try
        {
            await using (var connection = await store.OpenConnectionAsync(cancellationToken))
            {
                // WAL lets readers (aus state export) run beside the writer; the mode is kept in the file.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
            }

            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public override Task<IOrganizationLease?> TryAcquireOrganizationLeaseAsync(
        string environment,
        string organizationId,
        string owner,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        ArgumentNullException.ThrowIfNull(owner);
        IOrganizationLease? lease = SqliteOrganizationLease.TryAcquire(this, Location.Target, environment, organizationId, owner);
        return Task.FromResult(lease);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteOrganizationLease.ReleaseAll(this);
        fileLock?.Dispose();
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 30000", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override async Task RunWriteAsync(
        IOrganizationLease? lease,
        Func<DbConnection, DbTransaction, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        if (lease is null)
        {
            await base.RunWriteAsync(null, work, cancellationToken);
            return;
        }

        if (lease is not SqliteOrganizationLease own || !ReferenceEquals(own.Store, this))
        {
            throw new ArgumentException("the lease was not taken from this store", nameof(lease));
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(connection, transaction, cancellationToken);

        // The fence: checked while the transaction holds SQLite's write lock, just before it commits.
        if (!own.IsHeld)
        {
            throw new LeaseLostException(
                $"the lease on organization {own.Environment}/{own.OrganizationId} is no longer held; the pass was not stored");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    protected override object ToDatabaseTime(DateTimeOffset time) =>
        TruncateToMicroseconds(time).UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    protected override DateTimeOffset FromDatabaseTime(DbDataReader reader, int ordinal) =>
        new(DateTime.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
