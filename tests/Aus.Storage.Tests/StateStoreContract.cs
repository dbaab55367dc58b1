using Aus.Domain.History;
using Aus.Storage.Ado;
using Aus.Storage.Migrations;

namespace Aus.Storage.Tests;

/// <summary>
/// What every state store dialect must do. Each dialect's test class runs all of it against a real
/// database of that kind (a temporary SQLite file; a fresh PostgreSQL database).
/// </summary>
public abstract partial class StateStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly HistoryKey OrgKey = new(new("production"), new("org-a"));

    private readonly List<IStateStore> opened = [];

    protected abstract StateDialect Dialect { get; }

    protected IStateStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CreateEmptyDatabaseAsync();
        Store = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        await DeleteDatabaseAsync();
    }

    [Fact]
    public void Dialect_IsTheOneUnderTest() => Store.Dialect.ShouldBe(Dialect);

    [Fact]
    public async Task GetHistory_NothingStored_ReturnsEmpty()
    {
        var history = await Store.GetHistoryAsync(OrgKey);

        history.ShouldBeSameAs(VersionHistory.Empty);
    }

    [Fact]
    public async Task CommitPass_ThenGetHistory_ReturnsTheSameHistoryWithStats()
    {
        var history = Histories.Sample(Now);

        await Store.CommitPassAsync(OrgKey, history, []);

        (await Store.GetHistoryAsync(OrgKey)).ShouldBeEquivalentTo(history);
    }

    [Fact]
    public async Task CommitPass_CheckInWithMicroseconds_IsKeptToTheMicrosecond()
    {
        var checkIn = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

        await Store.CommitPassAsync(OrgKey, Histories.Sample(checkIn), []);

        var stored = await Store.GetHistoryAsync(OrgKey);
        stored.CheckIn.ShouldBe(checkIn.AddTicks(-7), "the reference keeps microseconds; the tenth of a microsecond is dropped");
    }

    [Fact]
    public async Task CommitPass_CheckInInAnotherOffset_IsStoredAsTheSameInstantInUtc()
    {
        var checkIn = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(2));

        await Store.CommitPassAsync(OrgKey, Histories.Sample(checkIn), []);

        var stored = (await Store.GetHistoryAsync(OrgKey)).CheckIn!.Value;
        stored.ShouldBe(checkIn);
        stored.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task CommitPass_InheritedStats_AreNotStored()
    {
        var history = Histories.Sample(Now) with { InheritedStats = Histories.Sample(Now).Stats };

        await Store.CommitPassAsync(OrgKey, history, []);

        (await Store.GetHistoryAsync(OrgKey)).InheritedStats.ShouldBeNull();
    }

    [Fact]
    public async Task CommitPass_Twice_KeepsTheLatestHistory()
    {
        await Store.CommitPassAsync(OrgKey, Histories.Sample(Now, soakDays: 1), []);
        var later = Histories.Sample(Now.AddHours(1), soakDays: 1.5);

        await Store.CommitPassAsync(OrgKey, later, []);

        (await Store.GetHistoryAsync(OrgKey)).ShouldBeEquivalentTo(later);
    }

    [Fact]
    public async Task Histories_AreKeptApartPerEnvironmentOrganizationAndAddon()
    {
        HistoryKey[] keys =
        [
            new(new("production"), new("org-a")),
            new(new("production"), new("org-b")),
            new(new("stage"), new("org-a")),
            new(new("production"), new("org-a"), "addon-x"),
            new(new("production"), new("org-a"), "addon-y"),
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            await Store.CommitPassAsync(keys[i], Histories.Sample(Now, soakDays: i + 1), []);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            (await Store.GetHistoryAsync(keys[i])).ShouldBeEquivalentTo(Histories.Sample(Now, soakDays: i + 1));
        }

        (await Store.GetHistoryAsync(new HistoryKey(new("production"), new("org-c")))).ShouldBeSameAs(VersionHistory.Empty);
        (await Store.GetHistoryAsync(new HistoryKey(new("production"), new("org-b"), "addon-x"))).ShouldBeSameAs(VersionHistory.Empty);
    }

    [Fact]
    public async Task CommitPass_StoresTheHistoryAndTheAuditOfThePassTogether()
    {
        var audit = new[]
        {
            Audit("prod-1", "create-upgrade-policy", AuditResult.Succeeded, Now, operationId: "op-1"),
            Audit("prod-2", "create-upgrade-policy", AuditResult.Refused, Now, reason: "mutex-locked"),
        };

        await Store.CommitPassAsync(OrgKey, Histories.Sample(Now), audit);

        (await Store.QueryAuditAsync(new AuditQuery())).ShouldBe(audit);
    }

    [Fact]
    public async Task CommitPass_FailingInsideItsTransaction_StoresNeitherHistoryNorAudit()
    {
        await Store.CommitPassAsync(OrgKey, Histories.Sample(Now, soakDays: 1), [Audit("prod-1", "first-pass", AuditResult.Succeeded, Now)]);
        var store = (AdoStateStore)Store;
        store.BeforePassCommit = () => throw new IOException("the process died midway through the pass");

        await Should.ThrowAsync<IOException>(() => Store.CommitPassAsync(
            OrgKey,
            Histories.Sample(Now.AddHours(1), soakDays: 9),
            [Audit("prod-1", "second-pass", AuditResult.Succeeded, Now.AddHours(1))]));

        store.BeforePassCommit = null;
        (await Store.GetHistoryAsync(OrgKey)).ShouldBeEquivalentTo(Histories.Sample(Now, soakDays: 1));
        (await Store.QueryAuditAsync(new AuditQuery())).Select(a => a.Action).ShouldBe(["first-pass"]);
    }

    [Fact]
    public async Task AppendAudit_RecordsEveryFieldInUtc()
    {
        var record = new AuditRecord(
            new DateTimeOffset(2026, 11, 23, 14, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234560),
            new("production"),
            new("org-a"),
            "prod-1",
            "create-upgrade-policy",
            "4.16.2",
            "scheduled",
            AuditResult.Failed,
            "op-123");

        await Store.AppendAuditAsync([record]);

        var stored = (await Store.QueryAuditAsync(new AuditQuery())).ShouldHaveSingleItem();
        stored.ShouldBe(record);
        stored.Time.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task AppendAudit_OptionalFieldsMissing_ReadBackAsNull()
    {
        var record = new AuditRecord(Now, new("production"), new("org-a"), null, "organization-error", null, null, AuditResult.Refused, null);

        await Store.AppendAuditAsync([record]);

        (await Store.QueryAuditAsync(new AuditQuery())).ShouldBe([record]);
    }

    [Fact]
    public async Task QueryAudit_FiltersByOrganizationClusterAndTime()
    {
        var records = new[]
        {
            Audit("prod-1", "a", AuditResult.Succeeded, Now),
            Audit("prod-2", "b", AuditResult.Succeeded, Now.AddMinutes(1)),
            Audit("prod-1", "c", AuditResult.Failed, Now.AddMinutes(2)),
            Audit("prod-1", "d", AuditResult.Succeeded, Now.AddMinutes(3)) with { OrganizationId = new("org-b") },
            Audit("prod-1", "e", AuditResult.Succeeded, Now.AddMinutes(4)) with { Environment = new("stage") },
        };
        await Store.AppendAuditAsync(records);

        async Task<string[]> Actions(AuditQuery query) => [.. (await Store.QueryAuditAsync(query)).Select(r => r.Action)];

        (await Actions(new AuditQuery())).ShouldBe(["a", "b", "c", "d", "e"]);
        (await Actions(new AuditQuery { Environment = "production", OrganizationId = "org-a" })).ShouldBe(["a", "b", "c"]);
        (await Actions(new AuditQuery { OrganizationId = "org-a", Cluster = "prod-1" })).ShouldBe(["a", "c", "e"]);
        (await Actions(new AuditQuery { Since = Now.AddMinutes(1), Until = Now.AddMinutes(3) })).ShouldBe(["b", "c"]);
        (await Actions(new AuditQuery { Limit = 2 })).ShouldBe(["d", "e"], "a limit keeps the newest records, oldest first");
    }

    [Fact]
    public async Task AppendAudit_WithoutAction_IsRefusedAndWritesNothing()
    {
        var bad = Audit("prod-1", " ", AuditResult.Succeeded, Now);

        await Should.ThrowAsync<ArgumentException>(() => Store.AppendAuditAsync([Audit("prod-1", "ok", AuditResult.Succeeded, Now), bad]));

        (await Store.QueryAuditAsync(new AuditQuery())).ShouldBeEmpty();
    }

    [Fact]
    public async Task ServiceLog_SentWithinTheWindow_IsFoundOnlyForTheSameClusterSummaryAndDescription()
    {
        await Store.RecordServiceLogAsync("uuid-1", "Cluster upgrade policy validation errors", "- bad workload", Now);

        (await Store.HasServiceLogSinceAsync("uuid-1", "Cluster upgrade policy validation errors", "- bad workload", Now.AddDays(-1))).ShouldBeTrue();
        (await Store.HasServiceLogSinceAsync("uuid-1", "Cluster upgrade policy validation errors", "- bad workload", Now)).ShouldBeTrue("the window includes its start");
        (await Store.HasServiceLogSinceAsync("uuid-2", "Cluster upgrade policy validation errors", "- bad workload", Now.AddDays(-1))).ShouldBeFalse();
        (await Store.HasServiceLogSinceAsync("uuid-1", "AUS configuration error on organization", "- bad workload", Now.AddDays(-1))).ShouldBeFalse();
        (await Store.HasServiceLogSinceAsync("uuid-1", "Cluster upgrade policy validation errors", "- other error", Now.AddDays(-1))).ShouldBeFalse();
    }

    [Fact]
    public async Task ServiceLog_SentBeforeTheWindow_IsNotFound()
    {
        await Store.RecordServiceLogAsync("uuid-1", "summary", "description", Now.AddDays(-1).AddMicroseconds(-1));

        (await Store.HasServiceLogSinceAsync("uuid-1", "summary", "description", Now.AddDays(-1))).ShouldBeFalse();
    }

    [Fact]
    public async Task DeleteServiceLogsBefore_ForgetsOnlyOlderOnes()
    {
        await Store.RecordServiceLogAsync("uuid-1", "summary", "old", Now.AddDays(-3));
        await Store.RecordServiceLogAsync("uuid-1", "summary", "new", Now);

        (await Store.DeleteServiceLogsBeforeAsync(Now.AddDays(-2))).ShouldBe(1);

        (await Store.HasServiceLogSinceAsync("uuid-1", "summary", "old", Now.AddDays(-10))).ShouldBeFalse();
        (await Store.HasServiceLogSinceAsync("uuid-1", "summary", "new", Now.AddDays(-10))).ShouldBeTrue();
    }

    [Fact]
    public void Open_EmptyDatabase_AppliesEveryMigrationAndRecordsTheSchemaVersion()
    {
        var migrations = MigrationCatalog.For(Dialect);

        Store.SchemaVersion.ShouldBe(migrations.Count);
        Store.AppliedMigrations.ShouldBe(migrations.Select(m => m.Name));
    }

    [Fact]
    public async Task Open_AgainOnAMigratedDatabase_AppliesNothingAndKeepsTheData()
    {
        await Store.CommitPassAsync(OrgKey, Histories.Sample(Now), []);

        var again = await OpenAsync();

        again.AppliedMigrations.ShouldBeEmpty();
        again.SchemaVersion.ShouldBe(MigrationCatalog.For(Dialect).Count);
        (await again.GetHistoryAsync(OrgKey)).ShouldBeEquivalentTo(Histories.Sample(Now));
    }

    [Fact]
    public async Task Open_SeveralAtOnceOnAnEmptyDatabase_MigratesOnce()
    {
        await DeleteDatabaseAsync();
        await CreateEmptyDatabaseAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => OpenAsync()));

        stores.Sum(s => s.AppliedMigrations.Count).ShouldBe(MigrationCatalog.For(Dialect).Count);
        stores.ShouldAllBe(s => s.SchemaVersion == MigrationCatalog.For(Dialect).Count);
    }

    [Fact]
    public async Task ListHistories_ReturnsEveryHistoryOrderedByKey_OrOneEnvironmentsOnly()
    {
        await Store.CommitPassAsync(new HistoryKey(new("stage"), new("org-a")), Histories.Sample(Now), []);
        await Store.CommitPassAsync(new HistoryKey(new("production"), new("org-b")), Histories.Sample(Now), []);
        await Store.CommitPassAsync(new HistoryKey(new("production"), new("org-a"), "addon"), Histories.Sample(Now), []);
        await Store.CommitPassAsync(new HistoryKey(new("production"), new("org-a")), Histories.Sample(Now), []);

        (await Store.ListHistoriesAsync()).Select(h => h.Key.ToString())
            .ShouldBe(["production/org-a", "production/org-a/addon", "production/org-b", "stage/org-a"]);
        (await Store.ListHistoriesAsync("stage")).Select(h => h.Key.ToString()).ShouldBe(["stage/org-a"]);
    }

    [Fact]
    public async Task ImportHistories_ReplacesWhatIsStored()
    {
        await Store.CommitPassAsync(OrgKey, Histories.Sample(Now, soakDays: 1), []);
        var imported = new[]
        {
            new StoredHistory(OrgKey, Histories.Sample(Now.AddDays(-1), soakDays: 30)),
            new StoredHistory(new HistoryKey(new("production"), new("org-b")), Histories.Sample(Now, soakDays: 4)),
        };

        await Store.ImportHistoriesAsync(imported);

        (await Store.GetHistoryAsync(OrgKey)).ShouldBeEquivalentTo(imported[0].History);
        (await Store.GetHistoryAsync(imported[1].Key)).ShouldBeEquivalentTo(imported[1].History);
    }

    [Fact]
    public async Task ImportHistories_SameKeyTwice_IsRefusedAndWritesNothing()
    {
        var imported = new[]
        {
            new StoredHistory(new HistoryKey(new("production"), new("org-b")), Histories.Sample(Now)),
            new StoredHistory(OrgKey, Histories.Sample(Now)),
            new StoredHistory(OrgKey, Histories.Sample(Now)),
        };

        await Should.ThrowAsync<ArgumentException>(() => Store.ImportHistoriesAsync(imported));

        (await Store.ListHistoriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportHistories_ACheckInInTheFuture_IsRefusedAndWritesNothing()
    {
        var imported = new[]
        {
            new StoredHistory(new HistoryKey(new("production"), new("org-b")), Histories.Sample(Now)),
            new StoredHistory(OrgKey, Histories.Sample(DateTimeOffset.UtcNow.AddDays(2))),
        };

        var refused = await Should.ThrowAsync<ArgumentException>(() => Store.ImportHistoriesAsync(imported));

        refused.Message.ShouldContain("production/org-a");
        refused.Message.ShouldContain("in the future");
        (await Store.ListHistoriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportHistories_NegativeSoakDays_IsRefusedAndWritesNothing()
    {
        var imported = new[] { new StoredHistory(OrgKey, Histories.Sample(Now, soakDays: -3)) };

        var refused = await Should.ThrowAsync<ArgumentException>(() => Store.ImportHistoriesAsync(imported));

        refused.Message.ShouldContain("negative");
        (await Store.ListHistoriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ping_AnOpenStore_Succeeds() => await Store.PingAsync();

    [Fact]
    public async Task Lease_HeldByOneStore_CannotBeTakenByAnother()
    {
        var other = await OpenAsync();
        await using var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");

        lease.ShouldNotBeNull();
        lease.IsHeld.ShouldBeTrue();
        (await other.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-2")).ShouldBeNull();
        (await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1")).ShouldBeNull("a lease is not re-entrant");
    }

    [Fact]
    public async Task Lease_OnOneOrganization_LeavesOthersFree()
    {
        var other = await OpenAsync();
        await using var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");

        await using var otherOrg = await other.TryAcquireOrganizationLeaseAsync("production", "org-b", "replica-2");
        await using var otherEnvironment = await other.TryAcquireOrganizationLeaseAsync("stage", "org-a", "replica-2");

        otherOrg.ShouldNotBeNull();
        otherEnvironment.ShouldNotBeNull();
    }

    [Fact]
    public async Task Lease_OnceDisposed_CanBeTakenByAnother()
    {
        var other = await OpenAsync();
        var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");
        lease.ShouldNotBeNull();

        await lease.DisposeAsync();

        lease.IsHeld.ShouldBeFalse();
        await using var taken = await other.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-2");
        taken.ShouldNotBeNull();
    }

    [Fact]
    public async Task Lease_NotDisposedWhenItsStoreCloses_IsReleasedWithTheStore()
    {
        var closing = await StateStore.OpenAsync(Location);
        var lease = await closing.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");
        lease.ShouldNotBeNull();

        await closing.DisposeAsync();

        lease.IsHeld.ShouldBeFalse();
        await using var taken = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-2");
        taken.ShouldNotBeNull();
    }

    [Fact]
    public async Task CommitPass_UnderAHeldLease_IsStored()
    {
        await using var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");

        await Store.CommitPassAsync(OrgKey, Histories.Sample(Now), [Audit("prod-1", "a", AuditResult.Succeeded, Now)], lease);
        await Store.CommitPassAsync(OrgKey with { }, Histories.Sample(Now.AddHours(1)), [], lease);

        (await Store.GetHistoryAsync(OrgKey)).ShouldBeEquivalentTo(Histories.Sample(Now.AddHours(1)));
        (await Store.QueryAuditAsync(new AuditQuery())).Count.ShouldBe(1);
    }

    [Fact]
    public async Task CommitPass_UnderAnAddonHistory_UsesTheOrganizationsLease()
    {
        var addonKey = new HistoryKey(new("production"), new("org-a"), "addon-x");
        await using var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");

        await Store.CommitPassAsync(addonKey, Histories.Sample(Now), [], lease);

        (await Store.GetHistoryAsync(addonKey)).ShouldBeEquivalentTo(Histories.Sample(Now));
    }

    [Fact]
    public async Task CommitPass_UnderALeaseNoLongerHeld_IsFencedOffAndWritesNothing()
    {
        var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-1");
        lease.ShouldNotBeNull();
        await lease.DisposeAsync();

        await Should.ThrowAsync<LeaseLostException>(() =>
            Store.CommitPassAsync(OrgKey, Histories.Sample(Now), [Audit("prod-1", "a", AuditResult.Succeeded, Now)], lease));

        (await Store.GetHistoryAsync(OrgKey)).ShouldBeSameAs(VersionHistory.Empty);
        (await Store.QueryAuditAsync(new AuditQuery())).ShouldBeEmpty();
    }

    [Fact]
    public async Task CommitPass_UnderAnotherOrganizationsLease_IsRefused()
    {
        await using var lease = await Store.TryAcquireOrganizationLeaseAsync("production", "org-b", "replica-1");

        await Should.ThrowAsync<ArgumentException>(() => Store.CommitPassAsync(OrgKey, Histories.Sample(Now), [], lease));
    }

    [Fact]
    public async Task CommitPass_UnderALeaseOfAnotherStore_IsRefused()
    {
        var other = await OpenAsync();
        await using var lease = await other.TryAcquireOrganizationLeaseAsync("production", "org-a", "replica-2");

        await Should.ThrowAsync<ArgumentException>(() => Store.CommitPassAsync(OrgKey, Histories.Sample(Now), [], lease));
    }

    [Fact]
    public async Task DryRun_ReadsThroughAndWritesNothing()
    {
        await Store.CommitPassAsync(OrgKey, Histories.Sample(Now, soakDays: 1), []);
        var dryRun = StateStore.DryRun(Store);

        await dryRun.CommitPassAsync(OrgKey, Histories.Sample(Now.AddHours(1), soakDays: 5), [Audit("prod-1", "a", AuditResult.Succeeded, Now)]);
        await dryRun.RecordServiceLogAsync("uuid-1", "s", "d", Now);
        await dryRun.ImportHistoriesAsync([new StoredHistory(new HistoryKey(new("production"), new("org-b")), Histories.Sample(Now))]);

        (await dryRun.GetHistoryAsync(OrgKey)).ShouldBeEquivalentTo(Histories.Sample(Now, soakDays: 1));
        (await Store.QueryAuditAsync(new AuditQuery())).ShouldBeEmpty();
        (await Store.HasServiceLogSinceAsync("uuid-1", "s", "d", Now.AddDays(-1))).ShouldBeFalse();
        (await Store.ListHistoriesAsync()).Count.ShouldBe(1);
    }

    /// <summary>Opens one more store instance on the test's database; disposed at the end of the test.</summary>
    protected async Task<IStateStore> OpenAsync(StateStoreOptions? options = null)
    {
        var store = await StateStore.OpenAsync(Location, options);
        opened.Add(store);
        return store;
    }

    protected abstract StateLocation Location { get; }

    protected abstract Task CreateEmptyDatabaseAsync();

    protected abstract Task DeleteDatabaseAsync();

    protected static AuditRecord Audit(string cluster, string action, AuditResult result, DateTimeOffset time, string? reason = null, string? operationId = null) =>
        new(time, new("production"), new("org-a"), cluster, action, "4.16.2", reason, result, operationId);
}
