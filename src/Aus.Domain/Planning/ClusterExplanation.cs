using System.Collections.Immutable;

namespace Aus.Domain.Planning;

/// <summary>Everything the planner looked at for one cluster: what `aus explain` prints.</summary>
public sealed record ClusterExplanation
{
    public required ClusterDecision Decision { get; init; }

    /// <summary>The steps of the pipeline in order, each a sentence ("window: next slot ... is within ...").</summary>
    public ImmutableArray<string> Steps { get; init; } = [];

    /// <summary>Every available version, highest first, with every condition checked.</summary>
    public ImmutableArray<CandidateEvaluation> Candidates { get; init; } = [];

    /// <summary>Version gates that apply to this cluster and whether they are agreed.</summary>
    public ImmutableArray<string> Gates { get; init; } = [];

    public ImmutableArray<Planning.PlannedAction> Actions { get; init; } = [];
}
