using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Application.Ports;

/// <summary>What one read of the fleet found.</summary>
/// <param name="Snapshot">Every organization that could be read.</param>
public sealed record FleetRead(FleetSnapshot Snapshot)
{
    /// <summary>Organization id → why it could not be read (it is absent from the snapshot).</summary>
    public ImmutableDictionary<OrganizationId, string> Failures { get; init; } = ImmutableDictionary<OrganizationId, string>.Empty;

    /// <summary>Problems that stopped nothing, one sentence each.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>
    /// One read of several reads (one per OCM environment): every organization, failure and
    /// warning; a version gate or an add-on's latest version that several environments show is
    /// taken from the first read that has it.
    /// </summary>
    public static FleetRead Combine(IEnumerable<FleetRead> reads)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var gates = ImmutableArray.CreateBuilder<VersionGate>();
        var gateIds = new HashSet<string>(StringComparer.Ordinal);
        var organizations = ImmutableArray.CreateBuilder<FleetOrganization>();
        var addonVersions = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var failures = ImmutableDictionary.CreateBuilder<OrganizationId, string>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        foreach (var read in reads)
        {
            gates.AddRange(read.Snapshot.VersionGates.Where(g => gateIds.Add(g.Id)));
            organizations.AddRange(read.Snapshot.Organizations);
            foreach (var (addonId, version) in read.Snapshot.AddonVersions)
            {
                addonVersions.TryAdd(addonId, version);
            }

            foreach (var (orgId, failure) in read.Failures)
            {
                failures.TryAdd(orgId, failure);
            }

            warnings.AddRange(read.Warnings);
        }

        var snapshot = new FleetSnapshot(gates.ToImmutable(), organizations.ToImmutable()) { AddonVersions = addonVersions.ToImmutable() };
        return new FleetRead(snapshot) { Failures = failures.ToImmutable(), Warnings = warnings.ToImmutable() };
    }
}
