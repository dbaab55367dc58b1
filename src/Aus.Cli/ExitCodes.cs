using Aus.Policies.Files;

namespace Aus.Cli;

/// <summary>The exit statuses of every command: the one rule of <see cref="ExitStatus"/>.</summary>
internal static class ExitCodes
{
    public const int Success = ExitStatus.Success;

    /// <summary>The input was read but is invalid, or the run failed.</summary>
    public const int Invalid = ExitStatus.Invalid;

    /// <summary>A usage error or unreadable input.</summary>
    public const int Usage = ExitStatus.UsageOrUnreadable;
}
