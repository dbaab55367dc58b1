using Aus.Domain.Fleet;

namespace Aus.Application.Ports;

/// <summary>Where the fleet comes from: OCM, or a fleet snapshot file.</summary>
public interface IFleetSource
{
    /// <summary>
    /// Reads the clusters of the organizations. One organization that cannot be read is a failure of
    /// <see cref="FleetRead.Failures"/> and is absent from the snapshot; throws only when nothing can
    /// be read (for instance the version gates every organization needs).
    /// </summary>
    Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken);

    /// <summary>
    /// As above, and the add-ons (catalog versions, each cluster's add-ons and add-on policies) of
    /// the organizations of <paramref name="addonOrgIds"/>, those whose policy sets
    /// addonManagedUpgrades. A source that holds add-ons anyway (a fleet file) reads as above.
    /// </summary>
    Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, IReadOnlySet<OrganizationId> addonOrgIds, CancellationToken cancellationToken) =>
        ReadFleetAsync(orgIds, cancellationToken);
}
