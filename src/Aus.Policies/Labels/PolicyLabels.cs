using System.Collections.Immutable;
using System.Globalization;
using Aus.Domain.Policies;

namespace Aus.Policies.Labels;

/// <summary>The OCM labels that express an organization policy: the organization's labels and each cluster's subscription labels.</summary>
public sealed record PolicyLabels(
    string OrgId,
    ImmutableSortedDictionary<string, string> Organization,
    ImmutableArray<(string Cluster, ImmutableSortedDictionary<string, string> Labels)> Clusters)
{
    /// <summary>
    /// The labels of <paramref name="policy"/>, by the reference's label-source rules: a cluster gets
    /// soak-days (0 when the file has none), workloads and schedule, and mutexes, sector, blocked-versions
    /// and version-gate-approvals when set; every list is sorted, then comma-joined. The organization
    /// gets blocked-versions in the given order, each sector's max-parallel limit when set, and the
    /// sorted inherit and publish lists when not empty. Every sector gets its sector-deps label (empty
    /// without dependencies): without it a stand-alone sector would not be declared, and the labels
    /// would not express the file.
    /// </summary>
    public static PolicyLabels For(OrganizationPolicy policy)
    {
        var organization = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (!policy.BlockedVersions.IsEmpty)
        {
            organization[AusLabelKeys.BlockedVersions] = string.Join(',', policy.BlockedVersions.Select(p => p.Source));
        }

        foreach (var sector in policy.Sectors)
        {
            organization[AusLabelKeys.SectorDeps(sector.Name.Value)] = SortedCsv(sector.Dependencies.Select(d => d.Value));
            if (sector.MaxParallelUpgrades is { } limit)
            {
                organization[AusLabelKeys.SectorMaxParallel(sector.Name.Value)] = limit.ToString();
            }
        }

        if (!policy.InheritVersionData.IsEmpty)
        {
            organization[AusLabelKeys.InheritVersionData] = SortedCsv(policy.InheritVersionData.Select(i => i.OrgId.Value));
        }

        if (!policy.PublishVersionData.IsEmpty)
        {
            organization[AusLabelKeys.PublishVersionData] = SortedCsv(policy.PublishVersionData.Select(p => p.Value));
        }

        return new PolicyLabels(policy.OrgId.Value, organization.ToImmutable(), [.. policy.Clusters.Select(c => (c.Name, ClusterLabels(c)))]);
    }

    private static ImmutableSortedDictionary<string, string> ClusterLabels(ClusterPolicy cluster)
    {
        var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        labels[AusLabelKeys.SoakDays] = (cluster.SoakDays ?? 0).ToString(CultureInfo.InvariantCulture);
        labels[AusLabelKeys.Workloads] = SortedCsv(cluster.Workloads.Select(w => w.Value));
        labels[AusLabelKeys.Schedule] = cluster.Schedule.Expression;
        if (!cluster.Mutexes.IsEmpty)
        {
            labels[AusLabelKeys.Mutexes] = SortedCsv(cluster.Mutexes.Select(m => m.Value));
        }

        if (cluster.Sector is { } sector)
        {
            labels[AusLabelKeys.Sector] = sector.Value;
        }

        if (!cluster.BlockedVersions.IsEmpty)
        {
            labels[AusLabelKeys.BlockedVersions] = SortedCsv(cluster.BlockedVersions.Select(p => p.Source));
        }

        if (!cluster.VersionGateApprovals.IsEmpty)
        {
            labels[AusLabelKeys.VersionGateApprovals] = SortedCsv(cluster.VersionGateApprovals);
        }

        return labels.ToImmutable();
    }

    private static string SortedCsv(IEnumerable<string> items) => string.Join(',', items.Order(StringComparer.Ordinal));

    /// <summary>The organization with only the policy's clusters, each carrying its labels.</summary>
    public LabelledOrganization ToLabelledOrganization() =>
        new(
            OrgId,
            Organization.ToImmutableDictionary(StringComparer.Ordinal),
            [.. Clusters.Select(c => new LabelledCluster(c.Cluster, c.Labels.ToImmutableDictionary(StringComparer.Ordinal)))]);

    /// <summary>
    /// The labels as OCM would hold them for <paramref name="clusters"/>: the same organization labels, each
    /// policy cluster's labels on the cluster of that name (other clusters keep what they have).
    /// </summary>
    public LabelledOrganization ApplyTo(IEnumerable<LabelledCluster> clusters)
    {
        var byName = Clusters.ToDictionary(c => c.Cluster, c => c.Labels, StringComparer.Ordinal);
        return new LabelledOrganization(
            OrgId,
            Organization.ToImmutableDictionary(StringComparer.Ordinal),
            [.. clusters.Select(c => byName.TryGetValue(c.Name, out var labels) ? c with { Labels = c.Labels.SetItems(labels) } : c)]);
    }
}
