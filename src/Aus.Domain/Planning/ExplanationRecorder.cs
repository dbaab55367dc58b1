using System.Collections.Immutable;

namespace Aus.Domain.Planning;

/// <summary>Collects what the pipeline looked at for the one cluster `aus explain` asks about.</summary>
internal sealed class ExplanationRecorder
{
    private readonly ImmutableArray<string>.Builder _steps = ImmutableArray.CreateBuilder<string>();
    private ImmutableArray<CandidateEvaluation>? _candidates;

    public bool HasCandidates => _candidates is not null;

    public void AddStep(string step) => _steps.Add(step);

    public void SetCandidates(ImmutableArray<CandidateEvaluation> candidates) => _candidates = candidates;

    public ClusterExplanation Build(ClusterDecision decision, IEnumerable<PlannedAction> actions, IEnumerable<string> gates) => new()
    {
        Decision = decision,
        Steps = _steps.ToImmutable(),
        Candidates = _candidates ?? [],
        Gates = [.. gates],
        Actions = [.. actions],
    };
}
