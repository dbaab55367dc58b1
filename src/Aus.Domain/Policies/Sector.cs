using System.Collections.Immutable;

namespace Aus.Domain.Policies;

/// <summary>A group of clusters that gets a version only after every sector it depends on runs it.</summary>
public sealed record Sector
{
    public required SectorName Name { get; init; }

    public ParallelLimit? MaxParallelUpgrades { get; init; }

    public ImmutableArray<SectorName> Dependencies { get; init; } = [];
}
