using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Domain.Fleet;

namespace Aus.Ocm.Ports;

/// <summary>OCM as the fleet source of the application's use cases.</summary>
public sealed class OcmFleetSource(IOcmFleetReader reader) : IFleetSource
{
    public Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken) =>
        ReadFleetAsync(orgIds, new HashSet<OrganizationId>(), cancellationToken);

    public async Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, IReadOnlySet<OrganizationId> addonOrgIds, CancellationToken cancellationToken)
    {
        var read = await reader.ReadFleetAsync(orgIds, addonOrgIds, cancellationToken);
        return new FleetRead(read.Snapshot)
        {
            Failures = read.Errors
                .GroupBy(e => e.OrgId)
                .ToImmutableDictionary(g => g.Key, g => g.First().Message),
            Warnings = read.Warnings,
        };
    }
}
