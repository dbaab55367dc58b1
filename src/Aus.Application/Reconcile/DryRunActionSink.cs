using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Domain.Planning;

namespace Aus.Application.Reconcile;

/// <summary>Applies nothing: every action comes back as <see cref="ActionOutcome.DryRun"/>.</summary>
internal sealed class DryRunActionSink : IActionSink
{
    public Task<ImmutableArray<ActionResult>> ApplyAsync(IReadOnlyList<PlannedAction> actions, CancellationToken cancellationToken) =>
        Task.FromResult(actions.Select(a => new ActionResult(a, ActionOutcome.DryRun)).ToImmutableArray());
}
