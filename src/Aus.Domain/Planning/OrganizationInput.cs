using System.Collections.Immutable;
using Aus.Domain.Controls;
using Aus.Domain.History;
using Aus.Domain.Policies;

namespace Aus.Domain.Planning;

/// <summary>One organization as the planner receives it: its policy, what validation found, and its stored history.</summary>
public sealed record OrganizationInput
{
    public required OrganizationPolicy Policy { get; init; }

    /// <summary>Every cluster name of the policy file in file order, including clusters whose policy is invalid.</summary>
    public ImmutableArray<string> ClusterNames { get; init; } = [];

    /// <summary>Validation errors; any error stops the whole organization: none of its clusters is planned.</summary>
    public ImmutableArray<OrganizationMessage> ValidationErrors { get; init; } = [];

    public ImmutableArray<OrganizationMessage> Warnings { get; init; } = [];

    /// <summary>
    /// The errors of a newer edit of the policy that did not validate: the organization is planned
    /// with <see cref="Policy"/>, its last valid one, and the plan carries these (with cluster ids) to be reported.
    /// </summary>
    public ImmutableArray<OrganizationMessage> RejectedEdit { get; init; } = [];

    /// <summary>The history as stored before this pass.</summary>
    public VersionHistory History { get; init; } = VersionHistory.Empty;

    /// <summary>Pauses, approvals and halted versions in force for the organization; empty changes nothing.</summary>
    public RolloutControls Controls { get; init; } = RolloutControls.Empty;

    /// <summary>The add-on histories as stored before this pass, by add-on id (stored under "ORGID/ADDON_ID").</summary>
    public ImmutableDictionary<string, VersionHistory> AddonHistories { get; init; } = ImmutableDictionary<string, VersionHistory>.Empty;

    public ImmutableArray<string> AllClusterNames =>
        ClusterNames.IsDefaultOrEmpty ? [.. Policy.Clusters.Select(c => c.Name)] : ClusterNames;
}
