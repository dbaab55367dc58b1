using System.Collections.Immutable;
using Aus.Domain.Policies;
using Aus.Domain.Reporting;

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
    private readonly List<Dictionary<string, SoakingUpgrade?>> _reportTables = [];
    private int _reportTablesInUse;
    private readonly Dictionary<(string? Schedule, DateTimeOffset? Slot), string> _outsideWindow = [];

    public Dictionary<MutexName, UpgradePass.Holder> Locked { get; } = [];

    public Dictionary<(SectorName Sector, MutexName Mutex), List<UpgradePass.Holder>> SectorUpgrades { get; } = [];

    public Dictionary<(SectorName Sector, MutexName Mutex), int> SectorMembers { get; } = [];

    public Dictionary<(SectorName Sector, Workload Workload), SectorLowestCluster?> SectorMinimums { get; } = [];

    public Dictionary<(SectorName Sector, Workload Workload), ImmutableArray<SectorName>> EffectiveDependencies { get; } = [];

    public Dictionary<UpgradePass.EvaluationProfile, Dictionary<string, CandidateEvaluation>> Evaluations { get; } = [];

    public Dictionary<(string Version, Workload Workload, int Required), Condition> SoakConditions { get; } = [];

    public Dictionary<(SectorName Sector, Workload Workload), UpgradePass.DependencyGate[]> DependencyGates { get; } = [];

    public Dictionary<(string Version, string? Minimum, Workload? Workload, bool Holds), Condition> InheritedConditions { get; } = [];

    public Dictionary<string, Condition> HoldConditions { get; } = new(StringComparer.Ordinal);

    public Dictionary<(SectorName Sector, string Version), Condition> ApprovalConditions { get; } = [];

    /// <summary>The next y-stream channel of each channel; kept across organizations, since it depends on the channel alone.</summary>
    public Dictionary<string, string?> NextChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>What the fleet report's rows of each evaluation profile share (a pass with the report only).</summary>
    public Dictionary<UpgradePass.EvaluationProfile, UpgradePass.ProfileRows> ReportProfiles { get; } = [];

    /// <summary>
    /// The outside-window sentence, written once per plan: a fleet has a handful of schedules, and
    /// the clusters outside their window share the sentence rather than each keeping a copy.
    /// Kept across organizations, since it depends on nothing else.
    /// </summary>
    public string OutsideWindow(string schedule, DateTimeOffset? slot)
    {
        var key = (slot is null ? schedule : null, slot);
        if (!_outsideWindow.TryGetValue(key, out var sentence))
        {
            sentence = PlanningMessages.OutsideWindow(schedule, slot);
            _outsideWindow[key] = sentence;
        }

        return sentence;
    }

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

    /// <summary>An empty table for one evaluation profile's report entries, by version text.</summary>
    public Dictionary<string, SoakingUpgrade?> NewReportTable()
    {
        if (_reportTablesInUse == _reportTables.Count)
        {
            _reportTables.Add(new(StringComparer.Ordinal));
        }

        var table = _reportTables[_reportTablesInUse++];
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
        DependencyGates.Clear();
        InheritedConditions.Clear();
        HoldConditions.Clear();
        ApprovalConditions.Clear();
        _evaluationTablesInUse = 0;
        ReportProfiles.Clear();
        _reportTablesInUse = 0;
    }
}
