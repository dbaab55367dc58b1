using System.Collections.Immutable;

namespace Aus.Domain.Reporting;

/// <summary>One (cluster, add-on) row of the add-on report.</summary>
public sealed record AddonReportRow
{
    public required string Cluster { get; init; }

    public required string ClusterId { get; init; }

    public required string Addon { get; init; }

    public required string CurrentVersion { get; init; }

    public required string Schedule { get; init; }

    public string? Sector { get; init; }

    public ImmutableArray<string> Mutexes { get; init; } = [];

    public int? SoakDays { get; init; }

    /// <summary>The policy's workloads, sorted.</summary>
    public ImmutableArray<string> Workloads { get; init; } = [];

    /// <summary>The last available upgrade (the catalog's latest), or empty when the add-on runs it.</summary>
    public required string NextVersion { get; init; }
}
