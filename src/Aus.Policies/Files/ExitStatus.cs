namespace Aus.Policies.Files;

/// <summary>
/// The one exit-status rule of every command: 0 when all is well; 1 when the input was read but is
/// invalid (validation errors, a YAML or JSON syntax error included); 2 for a usage error or input
/// that could not be read at all (missing, not a regular file, too large, binary, not UTF-8).
/// Unreadable outranks invalid.
/// </summary>
public static class ExitStatus
{
    public const int Success = 0;

    public const int Invalid = 1;

    public const int UsageOrUnreadable = 2;

    public static int Of(bool unreadable, bool invalid) => unreadable ? UsageOrUnreadable : invalid ? Invalid : Success;
}
