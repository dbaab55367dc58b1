using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;

namespace Aus.Domain.Reporting;

/// <summary>
/// The remaining-soak rows of one cluster that OCM knows and whose policy is valid: what the
/// service's soak gauges show, computed by the planner so that nobody rebuilds its inputs.
/// </summary>
public sealed record ClusterSoakRow
{
    public required ClusterPolicy Policy { get; init; }

    public required OcmCluster Cluster { get; init; }

    /// <summary>The oldest version the cluster runs (its control plane or a node pool).</summary>
    public required string CurrentVersion { get; init; }

    /// <summary>Per available upgrade, in OCM's order, the days it still has to soak (<see cref="RemainingSoakDays"/>).</summary>
    public ImmutableArray<RemainingSoak> Remaining { get; init; } = [];

    /// <summary>The cluster's ready add-ons the catalog knows, in OCM's order; empty unless the organization manages add-on upgrades.</summary>
    public ImmutableArray<AddonSoakRow> Addons { get; init; } = [];
}

/// <summary>One ready add-on of a cluster: the version it runs and, per available upgrade, the days still to soak in the add-on's own data.</summary>
public sealed record AddonSoakRow(string Addon, string Version, ImmutableArray<RemainingSoak> Remaining);
