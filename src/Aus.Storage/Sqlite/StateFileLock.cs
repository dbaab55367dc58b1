using System.Globalization;

namespace Aus.Storage.Sqlite;

/// <summary>
/// Keeps a SQLite state file to one serving process: an exclusive lock on the database file itself
/// (FileShare.None, which is flock on Unix). The lock belongs to the file, not to the name it was
/// opened by, so a symlink or a hard link to a held database is refused too. The kernel releases it
/// when the process dies, so a crash never leaves a stale lock. flock does not touch the POSIX
/// record locks SQLite takes on the same file, and the handle stays open until the store is
/// disposed, so closing it cannot drop SQLite's locks while a connection is open. The holder's pid
/// goes to <c>&lt;db&gt;.owner</c> beside the file's real path (symlinks resolved), for the message
/// a second process prints.
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
        FileStream stream;
        string ownerPath;
        try
        {
            // An empty file is a new database to SQLite, so creating it here is harmless.
            stream = new FileStream(databasePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            ownerPath = RealPath(databasePath) + ".owner";
        }
        catch (IOException e)
        {
            throw new StateStoreLockedException(databasePath, ReadOwner(RealPath(databasePath) + ".owner"), e);
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

    private static string RealPath(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
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
