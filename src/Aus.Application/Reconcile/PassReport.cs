using System.Collections.Immutable;

namespace Aus.Application.Reconcile;

/// <summary>The outcome of one reconcile pass over a set of organizations.</summary>
public sealed record PassReport(DateTimeOffset Now, ImmutableArray<OrganizationOutcome> Organizations, TimeSpan Duration)
{
    /// <summary>Why the whole pass could not plan (the fleet could not be read at all); every organization it owned failed with it.</summary>
    public string? Failure { get; init; }

    /// <summary>The planner's request of the pass (what it read), for a forecast from it; null when nothing was planned.</summary>
    public Aus.Domain.Planning.PlanRequest? Request { get; init; }

    public bool Failed => Failure is not null || Organizations.Any(o => o.Failed);
}
