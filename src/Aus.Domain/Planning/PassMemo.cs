using System.Collections.Immutable;
using Aus.Domain.Policies;

namespace Aus.Domain.Planning;

/// <summary>
/// The working tables of one organization's pass, handed on to the next organization's pass of the
/// same plan: cleared, not allocated and grown again for each organization. Allocating them anew
/// was a fifth of what a plan of many small organizations allocated, and the collector's work with it.
/// </summary>
internal sealed class PassMemo
{
    private readonly List<Dictionary<string, CandidateEvaluation>> _evaluationTables = [];
    private int _evaluationTablesInUse;

    public Dictionary<MutexName, UpgradePass.Holder> Locked { get; } = [];

    public Dictionary<(SectorName Sector, MutexName Mutex), List<UpgradePass.Holder>> SectorUpgrades { get; } = [];

    public Dictionary<(SectorName Sector, MutexName Mutex), int> SectorMembers { get; } = [];

    public Dictionary<(SectorName Sector, Workload Workload), SectorLowestCluster?> SectorMinimums { get; } = [];

    public Dictionary<(SectorName Sector, Workload Workload), ImmutableArray<SectorName>> EffectiveDependencies { get; } = [];

    public Dictionary<UpgradePass.EvaluationProfile, Dictionary<string, CandidateEvaluation>> Evaluations { get; } = [];

    public Dictionary<(string Version, Workload Workload, int Required), Condition> SoakConditions { get; } = [];

    public Dictionary<(SectorName Sector, SectorName Dependency, Workload Workload, string Version), Condition> DependencyConditions { get; } = [];

    public Dictionary<string, string?> NextChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>An empty table for one evaluation profile's evaluations, by version text.</summary>
    public Dictionary<string, CandidateEvaluation> NewEvaluationTable()
    {
        if (_evaluationTablesInUse == _evaluationTables.Count)
        {
            _evaluationTables.Add(new(StringComparer.Ordinal));
        }

        var table = _evaluationTables[_evaluationTablesInUse++];
        table.Clear();
        return table;
    }

    /// <summary>Forgets everything of the previous pass; what a pass returns never refers to these tables.</summary>
    public void Clear()
    {
        Locked.Clear();
        SectorUpgrades.Clear();
        SectorMembers.Clear();
        SectorMinimums.Clear();
        EffectiveDependencies.Clear();
        Evaluations.Clear();
        SoakConditions.Clear();
        DependencyConditions.Clear();
        NextChannels.Clear();
        _evaluationTablesInUse = 0;
    }
}
