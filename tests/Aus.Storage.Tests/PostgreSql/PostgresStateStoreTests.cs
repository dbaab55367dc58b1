using Npgsql;

namespace Aus.Storage.Tests.PostgreSql;

/// <summary>The contract on a fresh PostgreSQL database, plus what only PostgreSQL does: leases that die with their session.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStateStoreTests(PostgresServer server) : StateStoreContract
{
    private string connectionString = string.Empty;

    protected override StateDialect Dialect => StateDialect.PostgreSql;

    protected override StateLocation Location
    {
        get
        {
            StateLocation.TryParse(connectionString, out var location, out var error).ShouldBeTrue(error);
            return location!;
        }
    }

    [Fact]
    public async Task Lease_OfAReplicaWhoseSessionDied_IsFreeForAnother()
    {
        var other = await OpenAsync();
        var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");
        lease.ShouldNotBeNull();

        await server.TerminateBackendAsync(((Aus.Storage.PostgreSql.PostgresOrganizationLease)lease).BackendProcessId);

        await using var taken = await other.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-2");
        taken.ShouldNotBeNull();
        await lease.DisposeAsync();
    }

    [Fact]
    public async Task CommitPass_OfAReplicaThatLostItsSession_IsFencedOffWhileTheNewHolderWrites()
    {
        var other = await OpenAsync();
        var key = new HistoryKey(new("production"), new("org-a"));
        var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");
        lease.ShouldNotBeNull();
        await server.TerminateBackendAsync(((Aus.Storage.PostgreSql.PostgresOrganizationLease)lease).BackendProcessId);
        await using var newHolder = await other.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-2");
        newHolder.ShouldNotBeNull();
        await other.CommitPassAsync(key, Histories.Sample(Now, soakDays: 2), [], newHolder);

        await Should.ThrowAsync<LeaseLostException>(() =>
            Store.CommitPassAsync(key, Histories.Sample(Now, soakDays: 99), [Audit("prod-1", "stale", AuditResult.Succeeded, Now)], lease));

        lease.IsHeld.ShouldBeFalse();
        (await Store.GetHistoryAsync(key)).ShouldBeEquivalentTo(Histories.Sample(Now, soakDays: 2));
        (await Store.QueryAuditAsync(new AuditQuery())).ShouldBeEmpty();
        await lease.DisposeAsync();
    }

    [Fact]
    public async Task Lease_ShowsItsOwnerToOperators()
    {
        await using var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "host-1/4242");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        (await command.ExecuteScalarAsync()).ShouldBe("aus lease host-1/4242");
    }

    [Fact]
    public void Location_PasswordIsLeftOutOfTheDescription()
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = "s3cret" };

        StateLocation.TryParse(builder.ConnectionString, out var location, out _).ShouldBeTrue();

        location!.Description.ShouldNotContain("s3cret");
        location.HasPassword.ShouldBeTrue();
    }

    protected override async Task CreateEmptyDatabaseAsync() => connectionString = await server.CreateDatabaseAsync();

    protected override Task DeleteDatabaseAsync() => server.DropDatabaseAsync(connectionString);
}
