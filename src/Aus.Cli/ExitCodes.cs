namespace Aus.Cli;

/// <summary>The exit statuses of every command: 0 success, 1 invalid input or a failed run, 2 usage.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input was read but is invalid, or the run failed.</summary>
    public const int Invalid = 1;

    /// <summary>A usage error or unreadable input.</summary>
    public const int Usage = 2;
}
