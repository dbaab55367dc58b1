using System.Data.Common;
using Aus.Application.Notifications;
using Aus.Domain.Fleet;

namespace Aus.Storage.Ado;

/// <summary>The notification delivery records (migration 0002): claim, mark delivered, release.</summary>
internal abstract partial class AdoStateStore : INotificationLedger
{
    private const string KeyCondition =
        "sink = @sink AND environment = @environment AND organization_id = @organization AND cluster = @cluster AND event = @event AND version = @version AND detail = @detail";

    public async Task<bool> TryClaimAsync(string sink, NotificationKey key, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        ArgumentNullException.ThrowIfNull(key);
        var inserted = 0;
        await RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    """
                    INSERT INTO notification_delivery (sink, environment, organization_id, cluster, event, version, detail, claimed_at)
                    VALUES (@sink, @environment, @organization, @cluster, @event, @version, @detail, @claimed_at)
                    ON CONFLICT DO NOTHING
                    """;
                AddNotificationKey(command, sink, key);
                AddParameter(command, "claimed_at", ToDatabaseTime(claimedAt));
                inserted = await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
        return inserted == 1;
    }

    public Task MarkDeliveredAsync(string sink, NotificationKey key, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        ArgumentNullException.ThrowIfNull(key);
        return RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE notification_delivery SET delivered_at = @delivered_at WHERE " + KeyCondition;
                AddNotificationKey(command, sink, key);
                AddParameter(command, "delivered_at", ToDatabaseTime(deliveredAt));
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task ReleaseAsync(string sink, NotificationKey key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        ArgumentNullException.ThrowIfNull(key);
        return RunWriteAsync(
            null,
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM notification_delivery WHERE delivered_at IS NULL AND " + KeyCondition;
                AddNotificationKey(command, sink, key);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public async Task<bool> HasAnnouncedUpgradeAsync(
        string sink,
        EnvironmentName environment,
        OrganizationId organizationId,
        string cluster,
        string version,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT 1 FROM notification_delivery
            WHERE sink = @sink AND environment = @environment AND organization_id = @organization AND cluster = @cluster
              AND version = @version AND event <> @completed
            LIMIT 1
            """;
        AddParameter(command, "sink", sink);
        AddParameter(command, "environment", environment.Value);
        AddParameter(command, "organization", organizationId.Value);
        AddParameter(command, "cluster", cluster);
        AddParameter(command, "version", version);
        AddParameter(command, "completed", NotificationEvent.UpgradeCompleted.Name());
        return await command.ExecuteScalarAsync(cancellationToken) is not null and not DBNull;
    }

    /// <summary>Whether the notification's claim was marked delivered (null when there is no claim); for tests and diagnostics.</summary>
    internal async Task<bool?> IsDeliveredAsync(string sink, NotificationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivered_at FROM notification_delivery WHERE " + KeyCondition;
        AddNotificationKey(command, sink, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? !reader.IsDBNull(0) : null;
    }

    private static void AddNotificationKey(DbCommand command, string sink, NotificationKey key)
    {
        AddParameter(command, "sink", sink);
        AddParameter(command, "environment", key.Environment.Value);
        AddParameter(command, "organization", key.OrganizationId.Value);
        AddParameter(command, "cluster", key.Cluster);
        AddParameter(command, "event", key.Event);
        AddParameter(command, "version", key.Version);
        AddParameter(command, "detail", key.Detail);
    }
}
