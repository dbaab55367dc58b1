using Aus.Domain.Fleet;
using Aus.Ocm.Fleet;

namespace Aus.Ocm;

/// <summary>Reads what OCM knows of the clusters of some organizations, as the domain's fleet snapshot.</summary>
public interface IOcmFleetReader
{
    /// <summary>
    /// Reads the version gates and, per organization, its ready managed OSD/ROSA clusters with their
    /// upgrade policies, node pools and (where a gate applies) gate agreements. One organization's
    /// failure (an OCM error, a version OCM reports that is not valid) is an entry of
    /// <see cref="OcmFleetResult.Errors"/> and that organization is left out of the snapshot; the
    /// others are read. Throws <see cref="OcmApiException"/> only when the version gates cannot be read.
    /// </summary>
    Task<OcmFleetResult> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken);

    /// <summary>
    /// As above, and for the organizations of <paramref name="addonOrgIds"/> (those whose policy
    /// sets addonManagedUpgrades) also the add-on catalog, each cluster's ready add-ons and, for a
    /// cluster that has some, its add-on upgrade policies, from the add-on service the environment
    /// uses. An unknown add-on service, or an unreadable catalog, is an error of each of those
    /// organizations.
    /// </summary>
    Task<OcmFleetResult> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, IReadOnlySet<OrganizationId> addonOrgIds, CancellationToken cancellationToken);
}
