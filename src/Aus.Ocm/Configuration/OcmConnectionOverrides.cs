namespace Aus.Ocm.Configuration;

/// <summary>
/// Settings given on the command line or in a settings file. They never hold credentials: those
/// only come from the environment.
/// </summary>
public sealed record OcmConnectionOverrides
{
    public string? OcmUrl { get; init; }

    public string? TokenUrl { get; init; }

    public TimeSpan? Timeout { get; init; }

    public int? MaxConcurrency { get; init; }

    public int? RetryCount { get; init; }

    /// <summary>
    /// What a credential variable is called where it was configured (a settings file's
    /// <c>clientSecretEnv</c>, say), so a problem names what the operator wrote; null: the standard names.
    /// </summary>
    public Func<string, string>? DescribeVariable { get; init; }
}
