using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Policies.Organizations;

namespace Aus.Policies.Labels;

/// <summary>
/// The organizations a fleet's labels configure, as documents the file pipeline takes (policy,
/// cluster names, diagnostics), and every organization's published version-data list.
/// </summary>
/// <param name="Organizations">One document per organization planned, in orgId order.</param>
/// <param name="PublishVersionData">
/// Every organization's version-data.publish list, planned or not: an organization without labelled
/// clusters still publishes its soak data to those that inherit it.
/// </param>
public sealed record LabelPolicies(ImmutableArray<OrganizationDocument> Organizations, ImmutableDictionary<string, ImmutableArray<string>> PublishVersionData)
{
    /// <summary>
    /// Reads the label-based configuration of <paramref name="snapshot"/>. The organizations planned
    /// are those with at least one cluster carrying an sre-capabilities.aus.* subscription label, and
    /// those of <paramref name="organizationFiles"/>, whose name and environment are kept (their
    /// clusters, blocked versions, sectors and version-data lists are the labels').
    /// </summary>
    public static LabelPolicies Read(FleetSnapshot snapshot, IReadOnlyCollection<OrganizationPolicy> organizationFiles)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var files = organizationFiles.GroupBy(f => f.OrgId).ToDictionary(g => g.Key, g => g.First());
        var documents = new List<OrganizationDocument>();
        var publish = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var organization in snapshot.Organizations)
        {
            var labelled = LabelledOrganization.From(organization);
            if (labelled.Labels.TryGetValue(AusLabelKeys.PublishVersionData, out var published))
            {
                publish[organization.OrgId.Value] = LabelValues.Csv(published);
            }

            var file = files.GetValueOrDefault(organization.OrgId);
            if (labelled.HasLabelledClusters || file is not null)
            {
                documents.Add(LabelPolicyReader.Read(labelled, file));
            }
        }

        foreach (var (orgId, file) in files.Where(f => snapshot.Find(f.Key) is null))
        {
            documents.Add(LabelPolicyReader.Read(new LabelledOrganization(orgId.Value, ImmutableDictionary<string, string>.Empty, []), file));
        }

        return new LabelPolicies([.. documents.OrderBy(d => d.Policy!.OrgId)], publish.ToImmutable());
    }
}
