using System.Collections.Immutable;

namespace Aus.Domain.Reporting;

/// <summary>One cluster's row in the fleet upgrade-policies report.</summary>
public sealed record ClusterReportRow
{
    public required string Cluster { get; init; }

    public required string ClusterId { get; init; }

    public required string Version { get; init; }

    /// <summary>The channel group (stable, fast, ...), as the reference's report shows it.</summary>
    public required string Channel { get; init; }

    public required string Schedule { get; init; }

    public string? Sector { get; init; }

    public ImmutableArray<string> Mutexes { get; init; } = [];

    public int? SoakDays { get; init; }

    /// <summary>The policy's workloads, sorted.</summary>
    public ImmutableArray<string> Workloads { get; init; } = [];

    /// <summary>OCM's available upgrades that are not blocked, lowest first.</summary>
    public ImmutableArray<SoakingUpgrade> SoakingUpgrades { get; init; } = [];
}
