using System.Net;
using Aus.Domain.Planning;

namespace Aus.Ocm.Actions;

/// <summary>The outcome of one planned action, with OCM's operation id and error when there are.</summary>
public sealed record OcmActionResult(PlannedAction Action, OcmActionOutcome Outcome)
{
    /// <summary>The OCM operation id of the deciding call (the accepted write, or the refusal).</summary>
    public string? OperationId { get; init; }

    /// <summary>The id of the created object (policy or agreement), or of the existing one for <see cref="OcmActionOutcome.AlreadyPresent"/>.</summary>
    public string? ObjectId { get; init; }

    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The OCM error code of a refusal, e.g. CLUSTERS-MGMT-400.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A sentence for a person: why it was refused or failed.</summary>
    public string? Message { get; init; }

    public bool Succeeded => Outcome is OcmActionOutcome.Applied or OcmActionOutcome.AlreadyPresent or OcmActionOutcome.DryRun;
}
