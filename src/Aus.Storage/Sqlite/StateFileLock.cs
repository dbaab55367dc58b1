using System.Globalization;

namespace Aus.Storage.Sqlite;

/// <summary>
/// Keeps a SQLite state file to one serving process: an exclusive lock on <c>&lt;db&gt;.lock</c>
/// (FileShare.None, which is flock on Unix), released by the kernel when the process dies, so a
/// crash never leaves a stale lock. The holder's pid goes to <c>&lt;db&gt;.lock.owner</c>, since
/// the locked file itself cannot be read by others.
/// </summary>
internal sealed class StateFileLock : IDisposable
{
    private readonly FileStream stream;
    private readonly string ownerPath;

    private StateFileLock(FileStream stream, string ownerPath)
    {
        this.stream = stream;
        this.ownerPath = ownerPath;
    }

    public static StateFileLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        var ownerPath = lockPath + ".owner";
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StateStoreLockedException(databasePath, ReadOwner(ownerPath), e);
        }

        try
        {
            File.WriteAllText(ownerPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The pid is only for the message a second process prints; the lock itself is taken.
        }

        return new StateFileLock(stream, ownerPath);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(ownerPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale owner file is harmless: the next holder overwrites it.
        }

        stream.Dispose();
    }

    private static int? ReadOwner(string ownerPath)
    {
        try
        {
            var text = File.ReadAllText(ownerPath).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
