using System.Data;
using Npgsql;

namespace Aus.Storage.PostgreSql;

/// <summary>
/// An organization lease on PostgreSQL: a session-level advisory lock held on a connection of its
/// own. PostgreSQL releases the lock when the session ends, so a replica that dies (or whose
/// connection is cut) frees its organizations without any clock. Writes under the lease run on the
/// same session and first check that the lock is still there: that is the fence.
/// </summary>
internal sealed class PostgresOrganizationLease : IOrganizationLease
{
    private readonly NpgsqlConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool lost;
    private bool disposed;

    private PostgresOrganizationLease(PostgresStateStore store, NpgsqlConnection connection, string environment, string organizationId, string owner, AdvisoryLockKey key)
    {
        Store = store;
        this.connection = connection;
        Environment = environment;
        OrganizationId = organizationId;
        Owner = owner;
        Key = key;
    }

    public string Environment { get; }

    public string OrganizationId { get; }

    public string Owner { get; }

    public bool IsHeld => !disposed && !lost && connection.FullState == ConnectionState.Open;

    internal PostgresStateStore Store { get; }

    internal AdvisoryLockKey Key { get; }

    /// <summary>The backend process id of the lease's session (tests cut it to simulate a dead replica).</summary>
    internal int BackendProcessId => connection.ProcessID;

    public static async Task<PostgresOrganizationLease?> TryAcquireAsync(
        PostgresStateStore store,
        string connectionString,
        string environment,
        string organizationId,
        string owner,
        CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // A pooled connection could go back to the pool still holding the lock; this one closes for real.
            Pooling = false,
            ApplicationName = Truncate($"aus lease {owner}", 63),
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var key = AdvisoryLockKey.ForOrganization(environment, organizationId);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key.Value);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new PostgresOrganizationLease(store, connection, environment, organizationId, owner, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Runs a write on the lease's session in one transaction that first proves the advisory lock is
    /// still held by this session. A lost lock or a dead session fails with <see cref="LeaseLostException"/>
    /// and nothing is written.
    /// </summary>
    public async Task RunFencedAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsHeld)
            {
                throw Lost(null);
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var check = new NpgsqlCommand(
                """
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                  AND classid::bigint = @high AND objid::bigint = @low AND objsubid = 1
                """,
                connection,
                transaction))
            {
                check.Parameters.AddWithValue("high", Key.High);
                check.Parameters.AddWithValue("low", Key.Low);
                if (await check.ExecuteScalarAsync(cancellationToken) is not long count || count == 0)
                {
                    lost = true;
                    throw Lost(null);
                }
            }

            await work(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (NpgsqlException e) when (connection.FullState != ConnectionState.Open || IsSessionGone(e))
        {
            lost = true;
            throw Lost(e);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (!lost && connection.FullState == ConnectionState.Open)
            {
                try
                {
                    await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                    command.Parameters.AddWithValue("key", Key.Value);
                    await command.ExecuteScalarAsync();
                }
                catch (NpgsqlException)
                {
                    // Closing the session below releases the lock anyway.
                }
            }

            await connection.DisposeAsync();
            Store.Forget(this);
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool IsSessionGone(NpgsqlException e) =>
        e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" } // admin_shutdown, crash_shutdown, cannot_connect_now
        || e.InnerException is IOException or System.Net.Sockets.SocketException;

    private LeaseLostException Lost(Exception? cause)
    {
        var message = $"the lease on organization {Environment}/{OrganizationId} held by {Owner} is no longer held; the pass was not stored";
        return cause is null ? new LeaseLostException(message) : new LeaseLostException(message, cause);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
