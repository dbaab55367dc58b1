using Aus.Application.Ports;
using Aus.Domain.Fleet;
using Aus.Domain.History;

namespace Aus.Storage.Tests;

/// <summary>Callers see one store failure type, whatever failed underneath; and the pass store adapter keeps what the pass hands it.</summary>
public sealed class GuardedStateStoreTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-guarded-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task AFileThatIsNoDatabase_FailsToOpenAsAStateStoreException()
    {
        var path = Path.Combine(_directory.FullName, "state.db");
        await File.WriteAllTextAsync(path, "this is not a SQLite database, but it is long enough to have a header of sorts....");

        var failure = await Should.ThrowAsync<StateStoreException>(() => GuardedStateStore.OpenAsync(Location(path)));

        failure.InnerException.ShouldBeAssignableTo<System.Data.Common.DbException>();
        failure.Message.ShouldStartWith($"state store {path}: ");
    }

    [Fact]
    public async Task AGuardedStore_KeepsTheNotificationDeliveryRecordsOfTheStoreItGuards()
    {
        var path = Path.Combine(_directory.FullName, "state.db");
        var key = new Aus.Application.Notifications.NotificationKey(new EnvironmentName("production"), new OrganizationId("org-a"), "a-1", "upgrade-scheduled", "4.16.9", "x");
        var now = DateTimeOffset.UnixEpoch;
        await using (var guarded = await GuardedStateStore.OpenAsync(Location(path)))
        {
            (await StateStore.NotificationLedger(guarded).TryClaimAsync("webhook w", key, now, CancellationToken.None)).ShouldBeTrue();
        }

        await using var raw = await StateStore.OpenAsync(Location(path));
        (await StateStore.NotificationLedger(raw).TryClaimAsync("webhook w", key, now, CancellationToken.None)).ShouldBeFalse("the claim went into the store");
    }

    [Fact]
    public async Task AStoredHistoryThatIsNotValid_IsAStateStoreException()
    {
        var path = Path.Combine(_directory.FullName, "state.db");
        await using (var raw = await StateStore.OpenAsync(Location(path)))
        {
            await raw.CommitPassAsync(new HistoryKey("production", "org-a"), VersionHistory.Empty, []);
        }

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE version_history SET document = '{\"versions\": 7}'";
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await using var store = await GuardedStateStore.OpenAsync(Location(path));
        var failure = await Should.ThrowAsync<StateStoreException>(() => store.GetHistoryAsync(new HistoryKey("production", "org-a")));
        failure.InnerException.ShouldBeOfType<InvalidDataException>();
    }

    [Fact]
    public async Task ThePassStore_CommitsHistoryAndAuditTogether_UnderTheStoresNames()
    {
        await using var store = await StateStore.OpenAsync(Location(Path.Combine(_directory.FullName, "state.db")));
        var passStore = new StorePassStore(store, "test");
        var key = new OrganizationKey(new EnvironmentName("production"), new OrganizationId("org-a"));
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var history = VersionHistory.Empty with { CheckIn = at };

        await passStore.CommitAsync(key, history, [new AuditEntry(at, key, "c1", "switch-channel", "stable-4.17", "reason", AuditOutcome.Refused, "op-1")], null, CancellationToken.None);

        (await passStore.GetHistoryAsync(key, CancellationToken.None)).CheckIn.ShouldBe(at);
        var audit = (await store.QueryAuditAsync(new AuditQuery())).ShouldHaveSingleItem();
        (audit.OrganizationId, audit.Cluster, audit.Action, audit.Version, audit.Result, audit.OperationId).ShouldBe(("org-a", "c1", "switch-channel", "stable-4.17", AuditResult.Refused, "op-1"));
    }

    private static StateLocation Location(string path) =>
        StateLocation.TryParse(path, out var location, out var error) ? location! : throw new ArgumentException(error, nameof(path));
}
