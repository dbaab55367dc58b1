using System.Data.Common;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Policies.History;
using Aus.Storage.Controls;
using Aus.Storage.Migrations;

namespace Aus.Storage.Ado;

/// <summary>
/// What both dialects share: the SQL (the same text runs on SQLite and PostgreSQL), the history
/// codec and the migration runner. A dialect supplies connections, time columns, the migration
/// lock and how fenced writes reach the database.
/// </summary>
internal abstract partial class AdoStateStore : IStateStore, IRolloutControlStore
{
    private IReadOnlyList<string> appliedMigrations = [];

    protected AdoStateStore(StateLocation location, StateStoreOptions options)
    {
        Location = location;
        Options = options;
    }

    public abstract StateDialect Dialect { get; }

    public string Description => Location.Description;

    public int SchemaVersion { get; private set; }

    public IReadOnlyList<string> AppliedMigrations => appliedMigrations;

    protected StateLocation Location { get; }

    protected StateStoreOptions Options { get; }

    /// <summary>Called inside a pass's transaction after its writes, before it commits; tests use it to fail a pass midway.</summary>
    internal Func<Task>? BeforePassCommit { get; set; }

    /// <summary>DDL of the table that records applied migrations.</summary>
    protected abstract string CreateMigrationsTableSql { get; }

    /// <summary>A statement that serializes concurrent migrators inside the migration transaction, if the dialect needs one.</summary>
    protected abstract string? MigrationLockSql { get; }

    public async Task<VersionHistory> GetHistoryAsync(HistoryKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT document FROM version_history WHERE environment = @environment AND organization_id = @organization AND addon_id = @addon";
        AddKey(command, key);
        var document = await command.ExecuteScalarAsync(cancellationToken);
        return document is string json ? Decode(key, json) : VersionHistory.Empty;
    }

    public async Task<IReadOnlyList<StoredHistory>> ListHistoriesAsync(string? environment = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT environment, organization_id, addon_id, document FROM version_history";
        if (environment is not null)
        {
            command.CommandText += " WHERE environment = @environment";
            AddParameter(command, "environment", environment);
        }

        var histories = new List<StoredHistory>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = new HistoryKey(new EnvironmentName(reader.GetString(0)), new OrganizationId(reader.GetString(1)), reader.GetString(2));
                histories.Add(new StoredHistory(key, Decode(key, reader.GetString(3))));
            }
        }

        // Sorted here, not in SQL, so the order does not depend on the database's collation.
        return [.. histories
            .OrderBy(h => h.Key.Environment)
            .ThenBy(h => h.Key.OrganizationId)
            .ThenBy(h => h.Key.AddonId ?? string.Empty, StringComparer.Ordinal)];
    }

    public async Task CommitPassAsync(
        HistoryKey key,
        VersionHistory history,
        IReadOnlyList<AuditRecord> audit,
        IOrganizationLease? lease = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(audit);
        ValidateAudit(audit);
        if (lease is not null && (lease.Environment != key.Environment.Value || lease.OrganizationId != key.OrganizationId.Value))
        {
            throw new ArgumentException(
                $"the lease is for {lease.Environment}/{lease.OrganizationId}, not for the history {key}", nameof(lease));
        }

        var document = VersionHistoryJson.Write(history.WithoutInheritedStats(), indented: false);
        var updatedAt = Options.TimeProvider.GetUtcNow();
        await RunWriteAsync(
            lease,
            async (connection, transaction, ct) =>
            {
                await UpsertHistoryAsync(connection, transaction, key, history, document, updatedAt, ct);
                await InsertAuditAsync(connection, transaction, audit, ct);
                if (BeforePassCommit is { } hook)
                {
                    await hook();
                }
            },
            cancellationToken);
    }

    public async Task AppendAuditAsync(IReadOnlyList<AuditRecord> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ValidateAudit(audit);
        if (audit.Count == 0)
        {
            return;
        }

        await RunWriteAsync(null, (connection, transaction, ct) => InsertAuditAsync(connection, transaction, audit, ct), cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Only the filters given become conditions: PostgreSQL cannot type a NULL parameter in "@p IS NULL".
        var conditions = new List<string>();
        if (query.Environment is not null)
        {
            conditions.Add("environment = @environment");
            AddParameter(command, "environment", query.Environment);
        }

        if (query.OrganizationId is not null)
        {
            conditions.Add("organization_id = @organization");
            AddParameter(command, "organization", query.OrganizationId);
        }

        if (query.Cluster is not null)
        {
            conditions.Add("cluster = @cluster");
            AddParameter(command, "cluster", query.Cluster);
        }

        if (query.Since is { } since)
        {
            conditions.Add("recorded_at >= @since");
            AddParameter(command, "since", ToDatabaseTime(since));
        }

        if (query.Until is { } until)
        {
            conditions.Add("recorded_at < @until");
            AddParameter(command, "until", ToDatabaseTime(until));
        }

        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        command.CommandText =
            "SELECT recorded_at, environment, organization_id, cluster, action, version, reason, result, operation_id FROM audit_log"
            + where + " ORDER BY recorded_at DESC, id DESC LIMIT @limit";
        AddParameter(command, "limit", query.Limit);

        var records = new List<AuditRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(new AuditRecord(
                    FromDatabaseTime(reader, 0),
                    new EnvironmentName(reader.GetString(1)),
                    new OrganizationId(reader.GetString(2)),
                    NullableString(reader, 3),
                    reader.GetString(4),
                    NullableString(reader, 5),
                    NullableString(reader, 6),
                    ParseResult(reader.GetString(7)),
                    NullableString(reader, 8)));
            }
        }

        records.Reverse();
        return records;
    }

    public async Task<bool> HasServiceLogSinceAsync(
        string clusterUuid,
        string summary,
        string description,
        DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterUuid);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(description);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT 1 FROM service_log WHERE cluster_uuid = @cluster AND summary = @summary AND description = @description AND sent_at >= @since LIMIT 1";
        AddParameter(command, "cluster", clusterUuid);
        AddParameter(command, "summary", summary);
        AddParameter(command, "description", description);
        AddParameter(command, "since", ToDatabaseTime(since));
        return await command.ExecuteScalarAsync(cancellationToken) is not null and not DBNull;
    }

    public Task RecordServiceLogAsync(
        string clusterUuid,
        string summary,
        string description,
        DateTimeOffset sentAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterUuid);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(description);
        return RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    "INSERT INTO service_log (cluster_uuid, summary, description, sent_at) VALUES (@cluster, @summary, @description, @sent)";
                AddParameter(command, "cluster", clusterUuid);
                AddParameter(command, "summary", summary);
                AddParameter(command, "description", description);
                AddParameter(command, "sent", ToDatabaseTime(sentAt));
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public async Task<int> DeleteServiceLogsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM service_log WHERE sent_at < @before";
                AddParameter(command, "before", ToDatabaseTime(before));
                deleted = await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
        return deleted;
    }

    public async Task ImportHistoriesAsync(IReadOnlyList<StoredHistory> histories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var duplicate = histories.GroupBy(h => h.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"the history {duplicate.Key} is given more than once", nameof(histories));
        }

        // Soak must never run backwards: a check-in after now, or a negative soak, is refused.
        var importedAt = Options.TimeProvider.GetUtcNow();
        foreach (var (key, history) in histories)
        {
            if (history.IsCheckedInAfter(importedAt))
            {
                throw new ArgumentException(
                    $"the history {key} has its check_in {VersionHistoryJson.FormatCheckIn(history.CheckIn!.Value)} in the future (now is {VersionHistoryJson.FormatCheckIn(importedAt)}); importing it would make soak run backwards",
                    nameof(histories));
            }

            if (history.HasInvalidSoak())
            {
                throw new ArgumentException($"the history {key} has a negative or non-finite soak_days", nameof(histories));
            }
        }

        // Everything is encoded before the transaction starts, so a bad history writes nothing.
        var documents = histories
            .Select(h => (h.Key, h.History, Document: VersionHistoryJson.Write(h.History.WithoutInheritedStats(), indented: false)))
            .ToList();
        var updatedAt = Options.TimeProvider.GetUtcNow();
        await RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                foreach (var (key, history, document) in documents)
                {
                    await UpsertHistoryAsync(connection, transaction, key, history, document, updatedAt, ct);
                }
            },
            cancellationToken);
    }

    public abstract Task<IOrganizationLease?> TryAcquireOrganizationLeaseAsync(
        string environment,
        string organizationId,
        string owner,
        CancellationToken cancellationToken = default);

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>Applies the migrations this store lacks, in one transaction, and records the schema version.</summary>
    internal async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = MigrationCatalog.For(Dialect);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (MigrationLockSql is { } lockSql)
        {
            await ExecuteAsync(connection, transaction, lockSql, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, CreateMigrationsTableSql, cancellationToken);
        var applied = new HashSet<int>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var known = migrations.Count;
        var newest = applied.Count == 0 ? 0 : applied.Max();
        if (newest > known)
        {
            throw new InvalidOperationException(
                $"the state store {Description} has schema version {newest}, newer than this aus knows ({known}); use a newer aus");
        }

        var now = Options.TimeProvider.GetUtcNow();
        var names = new List<string>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText =
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @applied)";
            AddParameter(record, "version", migration.Version);
            AddParameter(record, "name", migration.Name);
            AddParameter(record, "checksum", migration.Checksum);
            AddParameter(record, "applied", ToDatabaseTime(now));
            await record.ExecuteNonQueryAsync(cancellationToken);
            names.Add(migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        SchemaVersion = known;
        appliedMigrations = names;
    }

    /// <summary>A new open connection of the store's pool.</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs a write in one transaction and commits it. With a lease, the dialect must make sure the
    /// lease is still held when the transaction commits, or throw <see cref="LeaseLostException"/>.
    /// </summary>
    protected virtual async Task RunWriteAsync(
        IOrganizationLease? lease,
        Func<DbConnection, DbTransaction, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected abstract object ToDatabaseTime(DateTimeOffset time);

    protected abstract DateTimeOffset FromDatabaseTime(DbDataReader reader, int ordinal);

    /// <summary>The stored precision: microseconds, what PostgreSQL keeps and the reference writes.</summary>
    protected static DateTimeOffset TruncateToMicroseconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    protected static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddKey(DbCommand command, HistoryKey key)
    {
        AddParameter(command, "environment", key.Environment.Value);
        AddParameter(command, "organization", key.OrganizationId.Value);
        AddParameter(command, "addon", key.AddonId ?? string.Empty);
    }

    private async Task UpsertHistoryAsync(
        DbConnection connection,
        DbTransaction transaction,
        HistoryKey key,
        VersionHistory history,
        string document,
        DateTimeOffset updatedAt,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO version_history (environment, organization_id, addon_id, document, check_in, updated_at)
            VALUES (@environment, @organization, @addon, @document, @check_in, @updated_at)
            ON CONFLICT (environment, organization_id, addon_id)
            DO UPDATE SET document = excluded.document, check_in = excluded.check_in, updated_at = excluded.updated_at
            """;
        AddKey(command, key);
        AddParameter(command, "document", document);
        AddParameter(command, "check_in", history.CheckIn is { } checkIn ? ToDatabaseTime(checkIn) : null);
        AddParameter(command, "updated_at", ToDatabaseTime(updatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task InsertAuditAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRecord> audit, CancellationToken cancellationToken)
    {
        foreach (var record in audit)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO audit_log (recorded_at, environment, organization_id, cluster, action, version, reason, result, operation_id)
                VALUES (@recorded_at, @environment, @organization, @cluster, @action, @version, @reason, @result, @operation)
                """;
            AddParameter(command, "recorded_at", ToDatabaseTime(record.Time));
            AddParameter(command, "environment", record.Environment.Value);
            AddParameter(command, "organization", record.OrganizationId.Value);
            AddParameter(command, "cluster", record.Cluster);
            AddParameter(command, "action", record.Action);
            AddParameter(command, "version", record.Version);
            AddParameter(command, "reason", record.Reason);
            AddParameter(command, "result", FormatResult(record.Result));
            AddParameter(command, "operation", record.OperationId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void ValidateAudit(IReadOnlyList<AuditRecord> audit)
    {
        for (var i = 0; i < audit.Count; i++)
        {
            var record = audit[i] ?? throw new ArgumentException($"audit record {i} is null", nameof(audit));
            if (string.IsNullOrWhiteSpace(record.Environment.Value) || string.IsNullOrWhiteSpace(record.OrganizationId.Value) || string.IsNullOrWhiteSpace(record.Action))
            {
                throw new ArgumentException($"audit record {i} needs an environment, an organization and an action: {record}", nameof(audit));
            }

            if (!Enum.IsDefined(record.Result))
            {
                throw new ArgumentException($"audit record {i} has an unknown result {(int)record.Result}", nameof(audit));
            }
        }
    }

    private static string FormatResult(AuditResult result) => result switch
    {
        AuditResult.Succeeded => "succeeded",
        AuditResult.Failed => "failed",
        AuditResult.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    private static AuditResult ParseResult(string text) => text switch
    {
        "succeeded" => AuditResult.Succeeded,
        "failed" => AuditResult.Failed,
        "refused" => AuditResult.Refused,
        _ => throw new InvalidDataException($"the audit log holds an unknown result '{text}'; expected succeeded, failed or refused"),
    };

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private VersionHistory Decode(HistoryKey key, string json)
    {
        var history = VersionHistoryJson.Read(json, out var errors);
        return history ?? throw new InvalidDataException(
            $"the stored history {key} in {Description} is not valid: {string.Join("; ", errors)}");
    }
}
