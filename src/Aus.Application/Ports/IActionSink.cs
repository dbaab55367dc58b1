using System.Collections.Immutable;
using Aus.Domain.Planning;

namespace Aus.Application.Ports;

/// <summary>Carries planned actions out (in OCM).</summary>
public interface IActionSink
{
    /// <summary>Applies every action; one result per action, in order. One failing action never stops the others.</summary>
    Task<ImmutableArray<ActionResult>> ApplyAsync(IReadOnlyList<PlannedAction> actions, CancellationToken cancellationToken);
}
