using System.Collections.Immutable;
using Aus.Application.Ports;

namespace Aus.Ocm.Ports;

/// <summary>OCM as the fleet source of the application's use cases.</summary>
public sealed class OcmFleetSource(IOcmFleetReader reader) : IFleetSource
{
    public Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<string> orgIds, CancellationToken cancellationToken) =>
        ReadFleetAsync(orgIds, new HashSet<string>(StringComparer.Ordinal), cancellationToken);

    public async Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<string> orgIds, IReadOnlySet<string> addonOrgIds, CancellationToken cancellationToken)
    {
        var read = await reader.ReadFleetAsync(orgIds, addonOrgIds, cancellationToken);
        return new FleetRead(read.Snapshot)
        {
            Failures = read.Errors
                .GroupBy(e => e.OrgId, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal),
            Warnings = read.Warnings,
        };
    }
}
