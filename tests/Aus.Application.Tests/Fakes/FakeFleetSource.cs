using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Domain.Fleet;

namespace Aus.Application.Tests.Fakes;

/// <summary>A fleet held in memory: organizations with their clusters, some that cannot be read, or an outage.</summary>
internal sealed class FakeFleetSource : IFleetSource
{
    private readonly Dictionary<string, ImmutableArray<OcmCluster>> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);

    public List<IReadOnlyCollection<string>> Reads { get; } = [];

    /// <summary>The organizations each read asked add-ons for.</summary>
    public List<IReadOnlySet<string>> AddonReads { get; } = [];

    /// <summary>The add-on catalog: add-on id → its latest version.</summary>
    public Dictionary<string, string> AddonVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every read throws it (the source is down).</summary>
    public Exception? Outage { get; set; }

    public FakeFleetSource With(string orgId, params OcmCluster[] clusters)
    {
        _clusters[orgId] = [.. clusters];
        return this;
    }

    public FakeFleetSource Failing(string orgId, string message)
    {
        _failures[orgId] = message;
        return this;
    }

    public Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, IReadOnlySet<OrganizationId> addonOrgIds, CancellationToken cancellationToken)
    {
        AddonReads.Add(addonOrgIds.Select(o => o.Value).ToHashSet(StringComparer.Ordinal));
        return ReadFleetAsync(orgIds, cancellationToken);
    }

    public Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken)
    {
        Reads.Add([.. orgIds.Select(o => o.Value)]);
        if (Outage is not null)
        {
            throw Outage;
        }

        var organizations = orgIds.Where(o => !_failures.ContainsKey(o.Value) && _clusters.ContainsKey(o.Value)).Select(o => new FleetOrganization(o, _clusters[o.Value]));
        return Task.FromResult(new FleetRead(new FleetSnapshot([], [.. organizations]) { AddonVersions = AddonVersions.ToImmutableDictionary(StringComparer.Ordinal) })
        {
            Failures = _failures.Where(f => orgIds.Contains(new OrganizationId(f.Key))).ToImmutableDictionary(f => new OrganizationId(f.Key), f => f.Value),
        });
    }
}
