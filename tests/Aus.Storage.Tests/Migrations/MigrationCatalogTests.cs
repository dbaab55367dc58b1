using Aus.Storage.Migrations;

namespace Aus.Storage.Tests.Migrations;

public sealed class MigrationCatalogTests
{
    // A shipped migration is never edited: installed stores already ran it. Add a numbered file
    // instead, and pin its checksum here when it ships.
    private static readonly Dictionary<(StateDialect, string), string> Shipped = new()
    {
        [(StateDialect.Sqlite, "0001_initial.sql")] = "86104dd19c696df2acc82d1d6692fa8e14ba85d023bf1fc3b2289339bf82ca8d",
        [(StateDialect.PostgreSql, "0001_initial.sql")] = "9314326271faccce70ecedcaea94c2afe345366550b5c968c67d1ccd53a06ae1",
        [(StateDialect.Sqlite, "0002_notification_delivery.sql")] = "5123bcddb4f77cff96c007a26e76000d67bb1cb1545048178d629d60bb11b3f0",
        [(StateDialect.PostgreSql, "0002_notification_delivery.sql")] = "b35315bbbadf1e95e4efbb041a053e208f87a9fa791facc4c0021c0f6a64468b",
        [(StateDialect.Sqlite, "0003_rollout_controls.sql")] = "f290d37774ece2e4e72fbccc402e50b6805f44c33432060a6a874f43e25d3ae3",
        [(StateDialect.PostgreSql, "0003_rollout_controls.sql")] = "d62508cbbd37c8b4a6f6470dfb732360343c30fb8ed504ef2ec8e823e2cfedf3",
        [(StateDialect.Sqlite, "0004_pause_cancel_scheduled.sql")] = "b297267f2c2b48fbeb4fab643cb6cab3836c2bf03c20df8d034e3d01d8899938",
        [(StateDialect.PostgreSql, "0004_pause_cancel_scheduled.sql")] = "ccc3478258dd384bde2c73909a09c56d7a03d591b07accd463ea5894df75422f",
    };

    [Theory]
    [InlineData(StateDialect.Sqlite)]
    [InlineData(StateDialect.PostgreSql)]
    public void ShippedMigrations_AreUnchanged(StateDialect dialect)
    {
        foreach (var migration in MigrationCatalog.For(dialect))
        {
            if (Shipped.TryGetValue((dialect, migration.Name), out var checksum))
            {
                migration.Checksum.ShouldBe(checksum, $"{dialect} migration {migration.Name} was edited after it shipped; add a new migration instead");
            }
        }
    }

    [Fact]
    public void BothDialects_HaveTheSameMigrations()
    {
        MigrationCatalog.For(StateDialect.Sqlite).Select(m => m.Name)
            .ShouldBe(MigrationCatalog.For(StateDialect.PostgreSql).Select(m => m.Name));
    }

    [Theory]
    [InlineData(StateDialect.Sqlite)]
    [InlineData(StateDialect.PostgreSql)]
    public void Migrations_AreNumberedFromOneWithoutGaps(StateDialect dialect)
    {
        var versions = MigrationCatalog.For(dialect).Select(m => m.Version).ToList();

        versions.ShouldNotBeEmpty();
        versions.ShouldBe(Enumerable.Range(1, versions.Count));
    }
}
