using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;

using Aus.Application.Ports;

namespace Aus.Application.Inputs;

/// <summary>One organization as its configuration file gave it: the policy and what validation found.</summary>
public sealed record OrganizationConfig(OrganizationPolicy Policy)
{
    /// <summary>Every cluster name of the file in file order, including clusters whose policy is invalid.</summary>
    public ImmutableArray<string> ClusterNames { get; init; } = [];

    public ImmutableArray<OrganizationMessage> Errors { get; init; } = [];

    public ImmutableArray<OrganizationMessage> Warnings { get; init; } = [];

    /// <summary>
    /// The errors of a newer edit of this organization's policy that did not validate. The
    /// organization is planned with this policy, its last valid one, and the pass reports these
    /// errors (log, metrics, service logs) until the edit is fixed.
    /// </summary>
    public ImmutableArray<OrganizationMessage> RejectedEdit { get; init; } = [];

    public OrganizationId OrgId => Policy.OrgId;

    public OrganizationKey Key => new(Policy.Environment, Policy.OrgId);

    internal OrganizationInput ToInput(VersionHistory history, ImmutableDictionary<string, VersionHistory> addonHistories, string? readFailure) => new()
    {
        Policy = Policy,
        ClusterNames = ClusterNames,
        ValidationErrors = readFailure is null ? Errors : Errors.Add(new OrganizationMessage(null, $"reading the organization from OCM failed: {readFailure}")),
        Warnings = Warnings,
        RejectedEdit = RejectedEdit,
        History = history,
        AddonHistories = addonHistories,
    };
}
