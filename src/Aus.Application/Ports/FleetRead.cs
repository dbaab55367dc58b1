using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Application.Ports;

/// <summary>What one read of the fleet found.</summary>
/// <param name="Snapshot">Every organization that could be read.</param>
public sealed record FleetRead(FleetSnapshot Snapshot)
{
    /// <summary>Organization id → why it could not be read (it is absent from the snapshot).</summary>
    public ImmutableDictionary<string, string> Failures { get; init; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Problems that stopped nothing, one sentence each.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
}
