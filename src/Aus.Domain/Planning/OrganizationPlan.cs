using System.Collections.Immutable;
using Aus.Domain.History;
using Aus.Domain.Reporting;

namespace Aus.Domain.Planning;

/// <summary>The outcome of one pass for one organization.</summary>
public sealed record OrganizationPlan
{
    public required Fleet.OrganizationId OrgId { get; init; }

    public required string Name { get; init; }

    public ImmutableArray<OrganizationMessage> Errors { get; init; } = [];

    public ImmutableArray<OrganizationMessage> Warnings { get; init; } = [];

    /// <summary>The input's rejected policy edit (<see cref="OrganizationInput.RejectedEdit"/>), with cluster ids: errors to report, not to stop on.</summary>
    public ImmutableArray<OrganizationMessage> RejectedEdit { get; init; } = [];

    public ImmutableArray<PlannedAction> Actions { get; init; } = [];

    public ImmutableArray<ClusterDecision> Clusters { get; init; } = [];

    /// <summary>The fleet report's row of every cluster that is in OCM, in planning order.</summary>
    public ImmutableArray<ClusterReportRow> Report { get; init; } = [];

    /// <summary>The add-on report's row of every (cluster, ready add-on), add-ons in sorted order, each in planning order.</summary>
    public ImmutableArray<AddonReportRow> AddonReport { get; init; } = [];

    /// <summary>
    /// The remaining-soak rows of every cluster in OCM without an error of its own, in policy
    /// order; only when <see cref="PlanRequest.IncludeRemainingSoak"/> asks for them.
    /// </summary>
    public ImmutableArray<ClusterSoakRow> RemainingSoak { get; init; } = [];

    /// <summary>Organizations whose version data this one inherits, by display name (name, else id).</summary>
    public ImmutableArray<string> InheritsFrom { get; init; } = [];

    /// <summary>The organization's own history after this pass's check-in: what is stored.</summary>
    public VersionHistory? History { get; init; }

    /// <summary>
    /// The add-on histories after this pass's check-in, by add-on id: what is stored under
    /// "ORGID/ADDON_ID". Empty when the organization does not manage add-on upgrades.
    /// </summary>
    public ImmutableDictionary<string, VersionHistory> AddonHistories { get; init; } = ImmutableDictionary<string, VersionHistory>.Empty;

    /// <summary>
    /// The version data the pass decided with: <see cref="History"/> plus what is inherited from
    /// other organizations (for the remaining-soak-days metric). Null when the organization was not planned.
    /// </summary>
    public VersionHistory? VersionData { get; init; }

    /// <summary>
    /// The version data each add-on pass decided with, by add-on id: <see cref="AddonHistories"/> plus
    /// the same add-on's data inherited from other organizations (for the add-on remaining-soak-days metric).
    /// </summary>
    public ImmutableDictionary<string, VersionHistory> AddonVersionData { get; init; } = ImmutableDictionary<string, VersionHistory>.Empty;
}
