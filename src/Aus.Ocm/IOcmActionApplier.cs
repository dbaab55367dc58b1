using System.Collections.Immutable;
using Aus.Domain.Planning;
using Aus.Ocm.Actions;

namespace Aus.Ocm;

/// <summary>Carries planned actions out in OCM.</summary>
public interface IOcmActionApplier
{
    /// <summary>
    /// Applies every action and returns one result per action, in the same order. A failure of one
    /// action never stops the others. With <paramref name="dryRun"/>, nothing is sent and every
    /// result is <see cref="OcmActionOutcome.DryRun"/>.
    /// </summary>
    Task<ImmutableArray<OcmActionResult>> ApplyAsync(IReadOnlyList<PlannedAction> actions, bool dryRun, CancellationToken cancellationToken);
}
