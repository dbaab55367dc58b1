using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Domain.Planning;

/// <summary>Everything one planning pass needs; the planner reads nothing else (no clock, no I/O).</summary>
public sealed record PlanRequest(ImmutableArray<OrganizationInput> Organizations, FleetSnapshot Fleet, DateTimeOffset Now)
{
    /// <summary>When set, the planner records the full reasoning for this cluster (by name).</summary>
    public string? ExplainCluster { get; init; }

    /// <summary>With <see cref="ExplainCluster"/>: explain the cluster's decision for this add-on instead of its own.</summary>
    public string? ExplainAddon { get; init; }

    /// <summary>Whether to compute the fleet report's rows (they cost as much again as the decisions).</summary>
    public bool IncludeReport { get; init; }

    /// <summary>
    /// Whether inherited version data lists the source organizations' reporting clusters (prefixed with
    /// the source). Decisions read soak totals and minimum versions only, so leaving the names out
    /// changes nothing but <see cref="OrganizationPlan.VersionData"/>; the forecast, which never shows
    /// version data, leaves them out rather than copy them at every pass.
    /// </summary>
    public bool InheritedReportingNames { get; init; } = true;

    /// <summary>Whether to compute each organization's remaining-soak rows (<see cref="OrganizationPlan.RemainingSoak"/>), the service's soak gauges.</summary>
    public bool IncludeRemainingSoak { get; init; }
}
