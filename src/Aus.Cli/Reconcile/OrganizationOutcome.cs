using System.Collections.Immutable;
using Aus.Domain.Planning;
using Aus.Ocm.Actions;

namespace Aus.Cli.Reconcile;

/// <summary>What one pass did for one organization.</summary>
internal sealed record OrganizationOutcome(string OrgId, string Name)
{
    /// <summary>The plan, or null when the organization could not be planned (OCM failed, or another replica has it).</summary>
    public OrganizationPlan? Plan { get; init; }

    public ImmutableArray<OcmActionResult> Results { get; init; } = [];

    /// <summary>Why the organization failed in this pass (OCM or store errors), if it did.</summary>
    public string? Failure { get; init; }

    /// <summary>True when another replica holds the organization and this one left it alone.</summary>
    public bool HeldElsewhere { get; init; }

    public bool Failed => Failure is not null || (Plan is not null && !Plan.Errors.IsEmpty) || Results.Any(r => !r.Succeeded);
}
