using System.Collections.Immutable;

namespace Aus.Domain.Fleet;

/// <summary>What OCM reports at one moment: the version gates and the clusters of each organization.</summary>
public sealed record FleetSnapshot(ImmutableArray<VersionGate> VersionGates, ImmutableArray<FleetOrganization> Organizations)
{
    public static readonly FleetSnapshot Empty = new([], []);

    /// <summary>The latest catalog version of each add-on, by add-on id.</summary>
    public ImmutableDictionary<string, string> AddonVersions { get; init; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public FleetOrganization? Find(OrganizationId orgId) =>
        Organizations.FirstOrDefault(o => o.OrgId == orgId);
}
