using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Domain.Planning;
using Aus.Ocm.Actions;

namespace Aus.Ocm.Ports;

/// <summary>OCM as the action sink of the application's use cases (a dry run never reaches it: the pass swaps the sink).</summary>
public sealed class OcmActionSink(IOcmActionApplier applier) : IActionSink
{
    public async Task<ImmutableArray<ActionResult>> ApplyAsync(IReadOnlyList<PlannedAction> actions, CancellationToken cancellationToken)
    {
        var results = await applier.ApplyAsync(actions, dryRun: false, cancellationToken);
        return [.. results.Select(ToResult)];
    }

    public static ActionResult ToResult(OcmActionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ActionResult(result.Action, result.Outcome switch
        {
            OcmActionOutcome.Applied => ActionOutcome.Applied,
            OcmActionOutcome.Refused => ActionOutcome.Refused,
            OcmActionOutcome.AlreadyPresent => ActionOutcome.AlreadyPresent,
            OcmActionOutcome.DryRun => ActionOutcome.DryRun,
            _ => ActionOutcome.Failed,
        })
        {
            OperationId = result.OperationId,
            Message = result.Message,
        };
    }
}
