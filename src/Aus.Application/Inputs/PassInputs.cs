using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;

namespace Aus.Application.Inputs;

/// <summary>
/// The one way every command turns what it read into the planner's request: plan, explain and
/// report, each pass of run and serve, and the demo. An organization the fleet source could not
/// read gets that as a validation error (it is planned with nothing to act on); an organization
/// without a history starts from an empty one and is listed in <see cref="WithoutHistory"/>. An
/// organization without stored rollout controls is planned with none.
/// The histories are keyed by organization id, and an add-on's by <c>ORGID/ADDON_ID</c>
/// (<see cref="AddonHistoryKey"/>).
/// </summary>
public sealed record PassInputs(PlanRequest Request)
{
    /// <summary>Organization id → why the fleet source could not read it.</summary>
    public ImmutableDictionary<OrganizationId, string> ReadFailures { get; init; } = ImmutableDictionary<OrganizationId, string>.Empty;

    /// <summary>The organizations no history was found for, in configuration order.</summary>
    public ImmutableArray<OrganizationId> WithoutHistory { get; init; } = [];

    public static PassInputs Build(
        IReadOnlyList<OrganizationConfig> organizations,
        FleetRead fleet,
        IReadOnlyDictionary<string, VersionHistory> histories,
        DateTimeOffset now,
        IReadOnlyDictionary<OrganizationId, RolloutControls>? controls = null)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(histories);
        var inputs = organizations
            .Select(o => o.ToInput(histories.GetValueOrDefault(o.OrgId.Value) ?? VersionHistory.Empty, AddonHistoriesOf(o.OrgId, histories), fleet.Failures.GetValueOrDefault(o.OrgId))
                with { Controls = controls?.GetValueOrDefault(o.OrgId) ?? RolloutControls.Empty })
            .ToImmutableArray();
        return new PassInputs(new PlanRequest(inputs, fleet.Snapshot, now))
        {
            ReadFailures = fleet.Failures.Where(f => organizations.Any(o => o.OrgId == f.Key)).ToImmutableDictionary(),
            WithoutHistory = [.. organizations.Where(o => !histories.ContainsKey(o.OrgId.Value)).Select(o => o.OrgId)],
        };
    }

    private static ImmutableDictionary<string, VersionHistory> AddonHistoriesOf(OrganizationId orgId, IReadOnlyDictionary<string, VersionHistory> histories) =>
        histories
            .Select(h => (Addon: AddonHistoryKey.AddonOf(orgId, h.Key), History: h.Value))
            .Where(h => h.Addon is not null)
            .ToImmutableDictionary(h => h.Addon!, h => h.History, StringComparer.Ordinal);

    /// <summary>The history an organization was planned from.</summary>
    public VersionHistory HistoryOf(OrganizationId orgId) =>
        Request.Organizations.FirstOrDefault(o => o.Policy.OrgId == orgId)?.History ?? VersionHistory.Empty;
}
