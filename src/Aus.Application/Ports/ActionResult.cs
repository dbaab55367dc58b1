using Aus.Domain.Planning;

namespace Aus.Application.Ports;

/// <summary>What became of one planned action.</summary>
public sealed record ActionResult(PlannedAction Action, ActionOutcome Outcome)
{
    /// <summary>The operation id of the deciding call, for correlating with OCM's logs.</summary>
    public string? OperationId { get; init; }

    /// <summary>A sentence for a person: why it was refused or failed.</summary>
    public string? Message { get; init; }

    public bool Succeeded => Outcome is ActionOutcome.Applied or ActionOutcome.AlreadyPresent or ActionOutcome.DryRun;
}
