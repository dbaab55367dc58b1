namespace Aus.Cli;

/// <summary>Exit statuses of contracts.md section 4.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input was read but is invalid, or the run failed.</summary>
    public const int Invalid = 1;

    /// <summary>A usage error or unreadable input.</summary>
    public const int Usage = 2;
}
