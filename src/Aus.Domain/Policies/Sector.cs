using System.Collections.Immutable;

namespace Aus.Domain.Policies;

/// <summary>A group of clusters that gets a version only after every sector it depends on runs it.</summary>
public sealed record Sector
{
    public required SectorName Name { get; init; }

    public ParallelLimit? MaxParallelUpgrades { get; init; }

    public ImmutableArray<SectorName> Dependencies { get; init; } = [];

    /// <summary>Whether each new version waits for an approval (`aus approve`) before the sector's clusters get it.</summary>
    public bool RequireApproval { get; init; }
}
