using System.Collections.Immutable;

namespace Aus.Domain.Fleet;

/// <summary>The clusters OCM has in one organization.</summary>
public sealed record FleetOrganization(string OrgId, ImmutableArray<OcmCluster> Clusters);
