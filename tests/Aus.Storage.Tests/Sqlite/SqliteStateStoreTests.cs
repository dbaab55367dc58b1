namespace Aus.Storage.Tests.Sqlite;

/// <summary>The contract on a temporary SQLite file.</summary>
public sealed class SqliteStateStoreTests : StateStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "aus-store-test-" + Guid.NewGuid().ToString("N"));

    protected override StateDialect Dialect => StateDialect.Sqlite;

    protected override StateLocation Location => Parse(Path.Combine(directory, "state.db"));

    protected override Task CreateEmptyDatabaseAsync()
    {
        // The store creates the file and its directory on first use; a directory of its own keeps tests apart.
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    protected override Task DeleteDatabaseAsync()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static StateLocation Parse(string path)
    {
        StateLocation.TryParse(path, out var location, out var error).ShouldBeTrue(error);
        return location!;
    }
}
