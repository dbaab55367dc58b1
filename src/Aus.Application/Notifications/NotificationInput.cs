using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Notifications;

/// <summary>What one organization's pass knows that notifications are made from.</summary>
/// <param name="Environment">The OCM environment's name.</param>
/// <param name="Plan">The organization's plan: its clusters and validation errors.</param>
/// <param name="Fleet">The organization's clusters as OCM reported them at the start of the pass.</param>
/// <param name="CreatedPolicies">The policies the pass created in OCM (applied, not merely planned).</param>
/// <param name="Now">The pass's time.</param>
public sealed record NotificationInput(
    EnvironmentName Environment,
    OrganizationPlan Plan,
    FleetOrganization Fleet,
    IReadOnlyList<CreateUpgradePolicy> CreatedPolicies,
    DateTimeOffset Now)
{
    /// <summary>The versions the pass halted in the organization (halt on failure), already recorded in the store.</summary>
    public ImmutableArray<string> HaltedVersions { get; init; } = [];
}
