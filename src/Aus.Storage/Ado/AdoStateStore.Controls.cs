using System.Data.Common;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Storage.Controls;

namespace Aus.Storage.Ado;

/// <summary>The rollout safety controls: each change and its audit record in one transaction.</summary>
internal abstract partial class AdoStateStore
{
    public async Task<StoredControls> GetControlsAsync(string? environment = null, string? organizationId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var pauses = await ReadAsync(
            connection,
            "SELECT environment, organization_id, scope, target, reason, paused_until, paused_by, paused_at, cancel_scheduled FROM rollout_pause",
            environment,
            organizationId,
            r => new StoredPause(r.GetString(0), r.GetString(1), ParseScope(r.GetString(2)), EmptyAsNull(r.GetString(3)), NullableString(r, 4), NullableTime(r, 5), r.GetString(6), FromDatabaseTime(r, 7))
            {
                CancelScheduled = r.GetBoolean(8),
            },
            cancellationToken);
        var approvals = await ReadAsync(
            connection,
            "SELECT environment, organization_id, sector, version, note, approved_by, approved_at FROM rollout_approval",
            environment,
            organizationId,
            r => new StoredApproval(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), NullableString(r, 4), r.GetString(5), FromDatabaseTime(r, 6)),
            cancellationToken);
        var halts = await ReadAsync(
            connection,
            "SELECT environment, organization_id, version, reason, halted_at FROM version_halt",
            environment,
            organizationId,
            r => new StoredHalt(r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3), FromDatabaseTime(r, 4)),
            cancellationToken);
        var failures = await ReadAsync(
            connection,
            "SELECT environment, organization_id, cluster, version, seen_at, cleared_at FROM upgrade_failure",
            environment,
            organizationId,
            r => new StoredFailure(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), FromDatabaseTime(r, 4), NullableTime(r, 5)),
            cancellationToken);

        // Sorted here, not in SQL, so the order does not depend on the database's collation.
        return new StoredControls
        {
            Pauses = [.. pauses.OrderBy(p => (p.Environment, p.OrganizationId), OrdinalPair).ThenBy(p => p.Scope).ThenBy(p => p.Target, StringComparer.Ordinal)],
            Approvals = [.. approvals.OrderBy(a => (a.Environment, a.OrganizationId), OrdinalPair).ThenBy(a => a.Sector, StringComparer.Ordinal).ThenBy(a => a.Version, StringComparer.Ordinal)],
            Halts = [.. halts.OrderBy(h => (h.Environment, h.OrganizationId), OrdinalPair).ThenBy(h => h.Version, StringComparer.Ordinal)],
            Failures = [.. failures.OrderBy(f => (f.Environment, f.OrganizationId), OrdinalPair).ThenBy(f => f.Version, StringComparer.Ordinal).ThenBy(f => f.Cluster, StringComparer.Ordinal)],
        };
    }

    public Task PauseAsync(StoredPause pause, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pause);
        CheckKey(pause.Environment, pause.OrganizationId);
        CheckTarget(pause.Scope, pause.Target);
        ArgumentException.ThrowIfNullOrWhiteSpace(pause.PausedBy);
        var audit = ControlAudit(pause.PausedAt, pause.Environment, pause.OrganizationId, "pause", pause.Scope, pause.Target, By(pause.PausedBy, pause.ToPause().ScopeText, pause.Reason) + (pause.CancelScheduled ? " (cancelling scheduled upgrades)" : string.Empty));
        return RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    """
                    INSERT INTO rollout_pause (environment, organization_id, scope, target, reason, paused_until, paused_by, paused_at, cancel_scheduled)
                    VALUES (@environment, @organization, @scope, @target, @reason, @until, @by, @at, @cancel)
                    ON CONFLICT (environment, organization_id, scope, target)
                    DO UPDATE SET reason = excluded.reason, paused_until = excluded.paused_until, paused_by = excluded.paused_by, paused_at = excluded.paused_at,
                        cancel_scheduled = excluded.cancel_scheduled
                    """;
                AddParameter(command, "environment", pause.Environment);
                AddParameter(command, "organization", pause.OrganizationId);
                AddParameter(command, "scope", FormatScope(pause.Scope));
                AddParameter(command, "target", pause.Target ?? string.Empty);
                AddParameter(command, "reason", pause.Reason);
                AddParameter(command, "until", pause.Until is { } until ? ToDatabaseTime(until) : null);
                AddParameter(command, "by", pause.PausedBy);
                AddParameter(command, "at", ToDatabaseTime(pause.PausedAt));
                AddParameter(command, "cancel", pause.CancelScheduled);
                await command.ExecuteNonQueryAsync(ct);
                await InsertAuditAsync(connection, transaction, [audit], ct);
            },
            cancellationToken);
    }

    public async Task<bool> ResumeAsync(
        string environment,
        string organizationId,
        PauseScope scope,
        string? target,
        string resumedBy,
        DateTimeOffset resumedAt,
        CancellationToken cancellationToken = default)
    {
        CheckKey(environment, organizationId);
        CheckTarget(scope, target);
        ArgumentException.ThrowIfNullOrWhiteSpace(resumedBy);
        var scopeText = new RolloutPause { Scope = scope, Target = target }.ScopeText;
        var lifted = false;
        await RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                var changed = await ExecuteAsync(
                    connection,
                    transaction,
                    "DELETE FROM rollout_pause WHERE environment = @environment AND organization_id = @organization AND scope = @scope AND target = @target",
                    command =>
                    {
                        AddParameter(command, "scope", FormatScope(scope));
                        AddParameter(command, "target", target ?? string.Empty);
                    },
                    environment,
                    organizationId,
                    ct);
                if (scope == PauseScope.Version)
                {
                    changed += await ExecuteAsync(
                        connection,
                        transaction,
                        "DELETE FROM version_halt WHERE environment = @environment AND organization_id = @organization AND version = @version",
                        command => AddParameter(command, "version", target),
                        environment,
                        organizationId,
                        ct);
                    changed += await ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE upgrade_failure SET cleared_at = @at WHERE environment = @environment AND organization_id = @organization AND version = @version AND cleared_at IS NULL",
                        command =>
                        {
                            AddParameter(command, "version", target);
                            AddParameter(command, "at", ToDatabaseTime(resumedAt));
                        },
                        environment,
                        organizationId,
                        ct);
                }

                lifted = changed > 0;
                if (lifted)
                {
                    await InsertAuditAsync(connection, transaction, [ControlAudit(resumedAt, environment, organizationId, "resume", scope, target, By(resumedBy, scopeText, null))], ct);
                }
            },
            cancellationToken);
        return lifted;
    }

    public Task ApproveAsync(StoredApproval approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        CheckKey(approval.Environment, approval.OrganizationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(approval.Sector);
        ArgumentException.ThrowIfNullOrWhiteSpace(approval.Version);
        ArgumentException.ThrowIfNullOrWhiteSpace(approval.ApprovedBy);
        var audit = new AuditRecord(
            approval.ApprovedAt, new EnvironmentName(approval.Environment), new OrganizationId(approval.OrganizationId), null, "approve", approval.Version,
            By(approval.ApprovedBy, $"sector {approval.Sector}", approval.Note), AuditResult.Succeeded, null);
        return RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    """
                    INSERT INTO rollout_approval (environment, organization_id, sector, version, note, approved_by, approved_at)
                    VALUES (@environment, @organization, @sector, @version, @note, @by, @at)
                    ON CONFLICT (environment, organization_id, sector, version)
                    DO UPDATE SET note = excluded.note, approved_by = excluded.approved_by, approved_at = excluded.approved_at
                    """;
                AddParameter(command, "environment", approval.Environment);
                AddParameter(command, "organization", approval.OrganizationId);
                AddParameter(command, "sector", approval.Sector);
                AddParameter(command, "version", approval.Version);
                AddParameter(command, "note", approval.Note);
                AddParameter(command, "by", approval.ApprovedBy);
                AddParameter(command, "at", ToDatabaseTime(approval.ApprovedAt));
                await command.ExecuteNonQueryAsync(ct);
                await InsertAuditAsync(connection, transaction, [audit], ct);
            },
            cancellationToken);
    }

    public async Task<int> RecordFailuresAsync(IReadOnlyList<StoredFailure> failures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var failure in failures)
        {
            CheckKey(failure.Environment, failure.OrganizationId);
            ArgumentException.ThrowIfNullOrWhiteSpace(failure.Cluster);
            ArgumentException.ThrowIfNullOrWhiteSpace(failure.Version);
        }

        var added = 0;
        if (failures.Count == 0)
        {
            return added;
        }

        await RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                foreach (var failure in failures)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText =
                        """
                        INSERT INTO upgrade_failure (environment, organization_id, cluster, version, seen_at, cleared_at)
                        VALUES (@environment, @organization, @cluster, @version, @seen, @cleared)
                        ON CONFLICT (environment, organization_id, cluster, version) DO NOTHING
                        """;
                    AddParameter(command, "environment", failure.Environment);
                    AddParameter(command, "organization", failure.OrganizationId);
                    AddParameter(command, "cluster", failure.Cluster);
                    AddParameter(command, "version", failure.Version);
                    AddParameter(command, "seen", ToDatabaseTime(failure.SeenAt));
                    AddParameter(command, "cleared", failure.ClearedAt is { } cleared ? ToDatabaseTime(cleared) : null);
                    if (await command.ExecuteNonQueryAsync(ct) > 0)
                    {
                        added++;
                        var audit = new AuditRecord(failure.SeenAt, new EnvironmentName(failure.Environment), new OrganizationId(failure.OrganizationId), failure.Cluster, "record-upgrade-failure", failure.Version, "OCM reports the upgrade as failed", AuditResult.Succeeded, null);
                        await InsertAuditAsync(connection, transaction, [audit], ct);
                    }
                }
            },
            cancellationToken);
        return added;
    }

    public async Task<bool> HaltAsync(StoredHalt halt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(halt);
        CheckKey(halt.Environment, halt.OrganizationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(halt.Version);
        var added = false;
        await RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    """
                    INSERT INTO version_halt (environment, organization_id, version, reason, halted_at)
                    VALUES (@environment, @organization, @version, @reason, @at)
                    ON CONFLICT (environment, organization_id, version) DO NOTHING
                    """;
                AddParameter(command, "environment", halt.Environment);
                AddParameter(command, "organization", halt.OrganizationId);
                AddParameter(command, "version", halt.Version);
                AddParameter(command, "reason", halt.Reason);
                AddParameter(command, "at", ToDatabaseTime(halt.HaltedAt));
                added = await command.ExecuteNonQueryAsync(ct) > 0;
                if (added)
                {
                    var audit = new AuditRecord(halt.HaltedAt, new EnvironmentName(halt.Environment), new OrganizationId(halt.OrganizationId), null, "halt-version", halt.Version, halt.Reason, AuditResult.Succeeded, null);
                    await InsertAuditAsync(connection, transaction, [audit], ct);
                }
            },
            cancellationToken);
        return added;
    }

    private static readonly Comparer<(string, string)> OrdinalPair = Comparer<(string, string)>.Create(
        (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var first and not 0 ? first : string.CompareOrdinal(a.Item2, b.Item2));

    private async Task<List<T>> ReadAsync<T>(
        DbConnection connection,
        string select,
        string? environment,
        string? organizationId,
        Func<DbDataReader, T> map,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var conditions = new List<string>();
        if (environment is not null)
        {
            conditions.Add("environment = @environment");
            AddParameter(command, "environment", environment);
        }

        if (organizationId is not null)
        {
            conditions.Add("organization_id = @organization");
            AddParameter(command, "organization", organizationId);
        }

        command.CommandText = select + (conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions));
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static async Task<int> ExecuteAsync(
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        Action<DbCommand> parameters,
        string environment,
        string organizationId,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddParameter(command, "environment", environment);
        AddParameter(command, "organization", organizationId);
        parameters(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : FromDatabaseTime(reader, ordinal);

    private static string? EmptyAsNull(string text) => text.Length == 0 ? null : text;

    private static void CheckKey(string environment, string organizationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
    }

    private static void CheckTarget(PauseScope scope, string? target)
    {
        if (!Enum.IsDefined(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, null);
        }

        if ((scope == PauseScope.Organization) != string.IsNullOrEmpty(target))
        {
            throw new ArgumentException(scope == PauseScope.Organization
                ? "an organization pause has no target"
                : $"a {FormatScope(scope)} pause needs the {FormatScope(scope)} it covers", nameof(target));
        }
    }

    private static AuditRecord ControlAudit(DateTimeOffset time, string environment, string organizationId, string action, PauseScope scope, string? target, string reason) => new(
        time,
        new EnvironmentName(environment),
        new OrganizationId(organizationId),
        scope == PauseScope.Cluster ? target : null,
        action,
        scope == PauseScope.Version ? target : null,
        reason,
        AuditResult.Succeeded,
        null);

    /// <summary>The audit reason of an operator's change: "sector prod by alice: bad release".</summary>
    private static string By(string who, string what, string? why) =>
        why is { Length: > 0 } ? $"{what} by {who}: {why}" : $"{what} by {who}";

    private static string FormatScope(PauseScope scope) => scope switch
    {
        PauseScope.Organization => "organization",
        PauseScope.Sector => "sector",
        PauseScope.Cluster => "cluster",
        PauseScope.Version => "version",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    private static PauseScope ParseScope(string text) => text switch
    {
        "organization" => PauseScope.Organization,
        "sector" => PauseScope.Sector,
        "cluster" => PauseScope.Cluster,
        "version" => PauseScope.Version,
        _ => throw new InvalidDataException($"the store holds a pause of unknown scope '{text}'; expected organization, sector, cluster or version"),
    };
}
