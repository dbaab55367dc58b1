using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Domain.Controls;
using Aus.Domain.History;
using Aus.Domain.Planning;

namespace Aus.Application.Inputs;

/// <summary>
/// The one way every command turns what it read into the planner's request: plan, explain and
/// report, each pass of run and serve, and the demo. An organization the fleet source could not
/// read gets that as a validation error (it is planned with nothing to act on); an organization
/// without a history starts from an empty one and is listed in <see cref="WithoutHistory"/>. An
/// organization without stored rollout controls is planned with none.
/// </summary>
public sealed record PassInputs(PlanRequest Request)
{
    /// <summary>Organization id → why the fleet source could not read it.</summary>
    public ImmutableDictionary<string, string> ReadFailures { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The organizations no history was found for, in configuration order.</summary>
    public ImmutableArray<string> WithoutHistory { get; init; } = [];

    public static PassInputs Build(
        IReadOnlyList<OrganizationConfig> organizations,
        FleetRead fleet,
        IReadOnlyDictionary<string, VersionHistory> histories,
        DateTimeOffset now,
        IReadOnlyDictionary<string, RolloutControls>? controls = null)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(histories);
        var inputs = organizations
            .Select(o => o.ToInput(histories.GetValueOrDefault(o.OrgId) ?? VersionHistory.Empty, fleet.Failures.GetValueOrDefault(o.OrgId))
                with { Controls = controls?.GetValueOrDefault(o.OrgId) ?? RolloutControls.Empty })
            .ToImmutableArray();
        return new PassInputs(new PlanRequest(inputs, fleet.Snapshot, now))
        {
            ReadFailures = fleet.Failures.Where(f => organizations.Any(o => o.OrgId == f.Key)).ToImmutableDictionary(StringComparer.Ordinal),
            WithoutHistory = [.. organizations.Where(o => !histories.ContainsKey(o.OrgId)).Select(o => o.OrgId)],
        };
    }

    /// <summary>The history an organization was planned from.</summary>
    public VersionHistory HistoryOf(string orgId) =>
        Request.Organizations.FirstOrDefault(o => o.Policy.OrgId == orgId)?.History ?? VersionHistory.Empty;
}
