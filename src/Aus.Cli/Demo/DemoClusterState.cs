using Aus.Domain.Planning;

namespace Aus.Cli.Demo;

/// <summary>One cluster as the demo shows it after a pass: what it runs and what aus decided for it.</summary>
internal sealed record DemoClusterState
{
    public required string Name { get; init; }

    public string? Sector { get; init; }

    public IReadOnlyList<string> Mutexes { get; init; } = [];

    /// <summary>The version OCM reports now; null when OCM does not know the cluster.</summary>
    public string? Version { get; init; }

    public Decision Decision { get; init; }

    public Reason Reason { get; init; }

    public string? TargetVersion { get; init; }

    public string Detail { get; init; } = string.Empty;

    /// <summary>An upgrade runs in OCM right now (between its start and its completion).</summary>
    public string? Upgrading { get; init; }
}
