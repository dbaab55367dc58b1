using System.Collections.Immutable;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;

namespace Aus.Application.Views;

/// <summary>What the view is built from for one organization: its last plan and the policy it was planned with.</summary>
public sealed record OrganizationSource(EnvironmentName Environment, OrganizationId OrgId, string Name)
{
    /// <summary>The last plan, with its report rows; null when the organization could not be planned.</summary>
    public OrganizationPlan? Plan { get; init; }

    /// <summary>The policy, for the sectors and their dependencies; null when unknown.</summary>
    public OrganizationPolicy? Policy { get; init; }

    public string? Failure { get; init; }

    /// <summary>The errors of a newer policy edit that did not validate.</summary>
    public ImmutableArray<OrganizationMessage> RejectedEdit { get; init; } = [];

    /// <summary>What OCM showed of the organization's clusters when it was planned (for the upgrades in progress).</summary>
    public FleetOrganization? Fleet { get; init; }

    /// <summary>The rollout safety controls it was planned with.</summary>
    public RolloutControls Controls { get; init; } = RolloutControls.Empty;

    /// <summary>The forecast of its environment's newest release; null: none is made (no forecast section).</summary>
    public ReleaseForecast? Forecast { get; init; }
}
