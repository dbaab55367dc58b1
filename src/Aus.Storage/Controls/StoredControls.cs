using System.Collections.Immutable;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;

namespace Aus.Storage.Controls;

/// <summary>Every control the store holds for the organizations asked about, each in a stable order.</summary>
public sealed record StoredControls
{
    public static readonly StoredControls None = new();

    public ImmutableArray<StoredPause> Pauses { get; init; } = [];

    public ImmutableArray<StoredApproval> Approvals { get; init; } = [];

    public ImmutableArray<StoredHalt> Halts { get; init; } = [];

    public ImmutableArray<StoredFailure> Failures { get; init; } = [];

    /// <summary>
    /// The planner's input for one organization: its pauses (expired ones included; the planner
    /// ignores a pause whose until has passed), approvals and halted versions.
    /// </summary>
    public RolloutControls For(EnvironmentName environment, OrganizationId organizationId)
    {
        bool Of(string env, string org) =>
            string.Equals(env, environment.Value, StringComparison.Ordinal) && string.Equals(org, organizationId.Value, StringComparison.Ordinal);

        return new RolloutControls
        {
            Pauses = [.. Pauses.Where(p => Of(p.Environment, p.OrganizationId)).Select(p => p.ToPause())],
            Approvals = [.. Approvals.Where(a => Of(a.Environment, a.OrganizationId)).Select(a => new RolloutApproval(a.Sector, a.Version))],
            HaltedVersions = [.. Halts.Where(h => Of(h.Environment, h.OrganizationId)).Select(h => h.Version)],
        };
    }
}
