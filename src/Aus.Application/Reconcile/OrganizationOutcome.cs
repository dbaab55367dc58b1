using System.Collections.Immutable;
using Aus.Application.Health;
using Aus.Application.Ports;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Reconcile;

/// <summary>What one pass did for one organization.</summary>
public sealed record OrganizationOutcome(OrganizationId OrgId, string Name, EnvironmentName Environment)
{
    /// <summary>The plan, or null when the organization could not be planned (it failed, or another replica has it).</summary>
    public OrganizationPlan? Plan { get; init; }

    public ImmutableArray<ActionResult> Results { get; init; } = [];

    /// <summary>Why the organization failed in this pass (the fleet, the store, anything unexpected), if it did.</summary>
    public string? Failure { get; init; }

    /// <summary>True when another replica holds the organization and this one left it alone.</summary>
    public bool HeldElsewhere { get; init; }

    /// <summary>
    /// True when, with leases and a pass interval, another replica already processed the organization
    /// in this interval (its check-in is in the current slot), so this replica left it alone.
    /// </summary>
    public bool AlreadyProcessed { get; init; }

    /// <summary>What the fleet showed of the organization's clusters in this pass (for metrics and feedback).</summary>
    public FleetOrganization? Fleet { get; init; }

    /// <summary>The errors of a rejected policy edit (see <see cref="Inputs.OrganizationConfig.RejectedEdit"/>).</summary>
    public ImmutableArray<OrganizationMessage> RejectedEdit { get; init; } = [];

    /// <summary>
    /// The versions this pass halted in the organization (halt on failure), already recorded in the
    /// store; each calls for the <c>version-halted</c> notification.
    /// </summary>
    public ImmutableArray<string> HaltedVersions { get; init; } = [];

    /// <summary>The rollout safety controls the organization was planned with (halts of this pass included).</summary>
    public RolloutControls Controls { get; init; } = RolloutControls.Empty;

    /// <summary>What the organization's health checks found in this pass (null when it has none, or no provider was configured).</summary>
    public HealthCheckResult? Health { get; init; }

    /// <summary>Problems that stopped nothing (a health check skipped or failed), one sentence each.</summary>
    public ImmutableArray<string> Warnings => Health?.Warnings ?? [];

    /// <summary>How many validation service logs this pass posted.</summary>
    public int ServiceLogsSent { get; init; }

    /// <summary>Whether this replica processed the organization in this pass.</summary>
    public bool Processed => !HeldElsewhere && !AlreadyProcessed;

    public bool Failed => Failure is not null || (Plan is not null && !Plan.Errors.IsEmpty) || !RejectedEdit.IsEmpty || Results.Any(r => !r.Succeeded);
}
