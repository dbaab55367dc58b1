using System.Collections.Immutable;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>
/// A candidate version of a cluster and the conditions checked for it: every one in `aus explain`;
/// in a plan, up to the first check that fails, which decides as much.
/// </summary>
public sealed record CandidateEvaluation(OpenShiftVersion Version, string? BlockedBy, ImmutableArray<Condition> Conditions)
{
    public bool IsBlocked => BlockedBy is not null;

    public bool IsUpgradeable => !IsBlocked && Conditions.All(c => c.Holds);

    public Condition? FirstFailure => Conditions.FirstOrDefault(c => !c.Holds);
}
