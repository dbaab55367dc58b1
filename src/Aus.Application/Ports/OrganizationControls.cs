using System.Collections.Immutable;
using Aus.Application.Safety;
using Aus.Domain.Controls;

namespace Aus.Application.Ports;

/// <summary>What the control store holds for one organization: the planner's controls and the failed upgrades recorded so far.</summary>
public sealed record OrganizationControls(RolloutControls Controls, ImmutableArray<RecordedFailure> Failures)
{
    public static readonly OrganizationControls None = new(RolloutControls.Empty, []);
}
