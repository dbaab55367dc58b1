namespace Aus.Storage;

/// <summary>Another process already serves from the same SQLite state file.</summary>
public sealed class StateStoreLockedException : Exception
{
    public StateStoreLockedException()
    {
    }

    public StateStoreLockedException(string message)
        : base(message)
    {
    }

    public StateStoreLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateStoreLockedException(string path, int? ownerProcessId, Exception? innerException)
        : base(DescribeOwner(path, ownerProcessId), innerException)
    {
        Path = path;
        OwnerProcessId = ownerProcessId;
    }

    /// <summary>The state file.</summary>
    public string? Path { get; }

    /// <summary>The process id of the holder, when it could be read.</summary>
    public int? OwnerProcessId { get; }

    private static string DescribeOwner(string path, int? pid) =>
        $"another aus process is serving with state file {path} (pid {(pid is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")}); stop it first, or give this one another --state";
}
