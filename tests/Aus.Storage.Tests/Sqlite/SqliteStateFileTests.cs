using Microsoft.Data.Sqlite;

namespace Aus.Storage.Tests.Sqlite;

/// <summary>What only the SQLite file does: one serving process per file, WAL mode, creation on first use.</summary>
public sealed class SqliteStateFileTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "aus-store-test-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "nested", "state.db");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Open_MissingFileAndDirectory_CreatesBoth()
    {
        await using var store = await StateStore.OpenAsync(DatabasePath);

        File.Exists(DatabasePath).ShouldBeTrue();
        store.Description.ShouldBe(DatabasePath);
    }

    [Fact]
    public async Task Open_MustExist_AMissingFile_IsAnError_AndCreatesNothing()
    {
        var refused = await Should.ThrowAsync<FileNotFoundException>(() =>
            StateStore.OpenAsync(DatabasePath, new StateStoreOptions { MustExist = true }));

        refused.Message.ShouldContain(DatabasePath);
        Directory.Exists(Path.GetDirectoryName(DatabasePath)).ShouldBeFalse();
    }

    [Fact]
    public async Task Open_MustExist_AnExistingFile_Opens()
    {
        await (await StateStore.OpenAsync(DatabasePath)).DisposeAsync();

        await using var store = await StateStore.OpenAsync(DatabasePath, new StateStoreOptions { MustExist = true });

        await store.PingAsync();
    }

    [Fact]
    public async Task Open_PutsTheFileInWalMode()
    {
        await using var store = await StateStore.OpenAsync(DatabasePath);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync()).ShouldBe("wal");
    }

    [Fact]
    public async Task OpenExclusive_WhileAnotherHoldsTheFile_IsRefusedNamingTheFileAndTheProcess()
    {
        await using var serving = await StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true });

        var refused = await Should.ThrowAsync<StateStoreLockedException>(() =>
            StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true }));

        refused.Message.ShouldStartWith($"another aus process is serving with state file {DatabasePath} (pid {Environment.ProcessId})");
        refused.OwnerProcessId.ShouldBe(Environment.ProcessId);
    }

    [Fact]
    public async Task OpenExclusive_ThroughASymlinkToTheHeldFile_IsRefused()
    {
        await using var serving = await StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true });
        var link = Path.Combine(directory, "link.db");
        File.CreateSymbolicLink(link, DatabasePath);

        await Should.ThrowAsync<StateStoreLockedException>(() =>
            StateStore.OpenAsync(link, new StateStoreOptions { ExclusiveProcess = true }));
    }

    [Fact]
    public async Task OpenExclusive_ThroughAHardLinkToTheHeldFile_IsRefused()
    {
        await using var serving = await StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true });
        var link = Path.Combine(directory, "hard.db");
        using (var ln = System.Diagnostics.Process.Start("ln", [DatabasePath, link]))
        {
            await ln.WaitForExitAsync();
            ln.ExitCode.ShouldBe(0);
        }

        await Should.ThrowAsync<StateStoreLockedException>(() =>
            StateStore.OpenAsync(link, new StateStoreOptions { ExclusiveProcess = true }));
    }

    [Fact]
    public async Task OpenExclusive_AfterTheHolderClosed_Succeeds()
    {
        var first = await StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true });
        await first.DisposeAsync();

        await using var second = await StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true });

        await second.PingAsync();
    }

    [Fact]
    public async Task OpenShared_WhileAProcessServes_CanStillRead()
    {
        await using var serving = await StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true });
        var key = new HistoryKey(new("production"), new("org-a"));
        await serving.CommitPassAsync(key, Histories.Sample(DateTimeOffset.UnixEpoch), []);

        await using var reader = await StateStore.OpenAsync(DatabasePath);

        (await reader.GetHistoryAsync(key)).ShouldBeEquivalentTo(Histories.Sample(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task OpenExclusive_WhileAnotherProcessHoldsTheLock_IsRefused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);

        // flock(1) stands in for another aus process: the lock is the kernel's, whoever holds it.
        using var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo
        {
            FileName = "flock",
            ArgumentList = { "--exclusive", DatabasePath, "sleep", "30" },
            RedirectStandardInput = true,
            UseShellExecute = false,
        })!;
        try
        {
            await WaitUntilLockedAsync(DatabasePath);

            await Should.ThrowAsync<StateStoreLockedException>(() =>
                StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true }));
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }

        // Killing flock's tree lets the kernel drop the lock once the last holder (its sleep child) is gone.
        await using var afterwards = await OpenWhenReleasedAsync();
    }

    private async Task<IStateStore> OpenWhenReleasedAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await StateStore.OpenAsync(DatabasePath, new StateStoreOptions { ExclusiveProcess = true });
            }
            catch (StateStoreLockedException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public void DefaultSqlitePath_FollowsXdgDataHome()
    {
        var previous = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", "/srv/data");

            StateLocation.DefaultSqlitePath().ShouldBe("/srv/data/aus/state.db");
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", previous);
        }
    }

    private static async Task WaitUntilLockedAsync(string lockPath)
    {
        // Polls with a non-blocking attempt until flock holds the file; bounded so a broken flock fails the test.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (File.Exists(lockPath))
            {
                try
                {
                    using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    return;
                }
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"flock did not take {lockPath}");
    }
}
