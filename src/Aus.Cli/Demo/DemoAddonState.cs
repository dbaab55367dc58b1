using Aus.Domain.Planning;

namespace Aus.Cli.Demo;

/// <summary>One add-on of one cluster as the demo shows it after a pass: what it runs and what aus decided for it.</summary>
internal sealed record DemoAddonState
{
    public required string Cluster { get; init; }

    public required string Addon { get; init; }

    public string? Sector { get; init; }

    public IReadOnlyList<string> Mutexes { get; init; } = [];

    /// <summary>The add-on version OCM reports now.</summary>
    public string? Version { get; init; }

    public Decision Decision { get; init; }

    public Reason Reason { get; init; }

    public string? TargetVersion { get; init; }

    public string Detail { get; init; } = string.Empty;

    /// <summary>An add-on upgrade runs in OCM right now (between its start and its completion).</summary>
    public string? Upgrading { get; init; }

    /// <summary>The add-on upgrade policy OCM holds for it, as "VERSION (STATE)", if any.</summary>
    public string? Policy { get; init; }
}
