namespace Aus.Cli.Service;

/// <summary>What the command line gives; each set value wins over the environment and the settings file.</summary>
internal sealed record SettingsOverrides
{
    public string? SettingsFile { get; init; }

    public IReadOnlyList<string> Policies { get; init; } = [];

    public string? OcmUrl { get; init; }

    public string? TokenUrl { get; init; }

    public string? State { get; init; }

    public string? Interval { get; init; }

    public string? Listen { get; init; }

    public bool DryRun { get; init; }

    public string? Clock { get; init; }

    /// <summary>--labels: every environment takes its policies from its OCM labels.</summary>
    public bool Labels { get; init; }
}
