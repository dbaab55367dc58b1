using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Policies.Labels;

/// <summary>A cluster and its OCM subscription labels.</summary>
public sealed record LabelledCluster(string Name, ImmutableDictionary<string, string> Labels);

/// <summary>
/// One organization as its OCM labels describe it: the organization labels and every cluster with
/// its subscription labels. Clusters without an AUS label are allowed; they are not part of the policy.
/// </summary>
public sealed record LabelledOrganization(string OrgId, ImmutableDictionary<string, string> Labels, ImmutableArray<LabelledCluster> Clusters)
{
    public static LabelledOrganization From(FleetOrganization organization) =>
        new(organization.OrgId.Value, organization.Labels, [.. organization.Clusters.Select(c => new LabelledCluster(c.Name, c.Labels))]);

    /// <summary>Whether any cluster carries an AUS subscription label (only such organizations are planned from labels).</summary>
    public bool HasLabelledClusters => Clusters.Any(c => c.Labels.Keys.Any(AusLabelKeys.IsAusLabel));
}
