using System.Collections.Immutable;

namespace Aus.Domain.Fleet;

/// <summary>The clusters OCM has in one organization.</summary>
public sealed record FleetOrganization(OrganizationId OrgId, ImmutableArray<OcmCluster> Clusters)
{
    /// <summary>The organization's OCM labels (its subscriptions' labels are on each cluster).</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;
}
