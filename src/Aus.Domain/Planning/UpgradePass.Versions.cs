using System.Collections.Immutable;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>Choosing the version: the highest available one that has soaked enough and that no block, hold or gate keeps back.</summary>
internal sealed partial class UpgradePass
{
    private readonly Dictionary<(SectorName Sector, Workload Workload), SectorLowestCluster?> _sectorMinimums;
    private readonly Dictionary<(SectorName Sector, Workload Workload), ImmutableArray<SectorName>> _effectiveDependencies;
    private readonly Dictionary<EvaluationProfile, Dictionary<string, CandidateEvaluation>> _evaluations;

    // The evaluations without blocked patterns of the cluster's profile, for the cluster last evaluated.
    private UpgradeSpec? _unblockedSpec;
    private Dictionary<string, CandidateEvaluation>? _unblocked;

    // Reused for every cluster: only `aus explain` keeps a cluster's candidates, and copies them.
    private readonly List<CandidateEvaluation> _candidateScratch = [];

    // Reused for every evaluation (they never nest), so that each leaves one array of the exact size behind.
    private readonly ImmutableArray<Condition>.Builder _conditionScratch = ImmutableArray.CreateBuilder<Condition>();

    private static readonly Condition NoInheritedMinimum = new(Reason.InheritedVersionData, true, PlanningMessages.NoInheritedMinimum);
    private static readonly Condition NoSoakRequired = new(Reason.Soaking, true, PlanningMessages.NoSoakRequired);

    // Single conditions are shared too, between clusters whose profiles differ in something else.
    private readonly Dictionary<(string Version, string? Minimum, Workload? Workload, bool Holds), Condition> _inheritedConditions;
    private readonly Dictionary<(string Version, Workload Workload, int Required), Condition> _soakConditions;
    private readonly Dictionary<(SectorName Sector, Workload Workload), DependencyGate[]> _dependencyGates;

    /// <summary>
    /// Every available version, highest first, with its conditions. For `aus explain`
    /// (<paramref name="forExplanation"/>) every version with every condition; otherwise
    /// evaluation stops at the first version that can be upgraded to, and each version's at the
    /// first condition that fails. The list is reused by the next call: copy it to keep it.
    /// </summary>
    private List<CandidateEvaluation> EvaluateCandidates(UpgradeSpec spec, bool forExplanation)
    {
        var evaluations = _candidateScratch;
        evaluations.Clear();
        var memo = forExplanation ? null : EvaluationsFor(spec);
        var (versions, ascending) = HighestFirst(spec.AvailableUpgrades);
        for (var i = 0; i < versions.Length; i++)
        {
            var version = ascending ? versions[versions.Length - 1 - i] : versions[i];
            if (memo is null)
            {
                // The explained cluster's evaluations are made afresh, complete: the others' stop short.
                evaluations.Add(Evaluate(spec, version, complete: true));
                continue;
            }

            // Keyed by the text: versions that differ only in build metadata are equal, yet read different soak data.
            if (!memo.TryGetValue(version.ToString(), out var evaluation))
            {
                evaluation = Evaluate(spec, version, complete: false);
                memo[version.ToString()] = evaluation;
            }

            evaluations.Add(evaluation);
            if (evaluation.IsUpgradeable)
            {
                break;
            }
        }

        return evaluations;
    }

    /// <summary>The first candidate that can be upgraded to, or null.</summary>
    private static CandidateEvaluation? FirstUpgradeableCandidate(List<CandidateEvaluation> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.IsUpgradeable)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The versions highest first, equal ones in OCM's order. OCM lists them lowest first, and such a
    /// list is walked backwards (<c>Ascending</c>) rather than sorted again for every cluster.
    /// </summary>
    private static (ImmutableArray<OpenShiftVersion> Versions, bool Ascending) HighestFirst(ImmutableArray<OpenShiftVersion> versions)
    {
        for (var i = 1; i < versions.Length; i++)
        {
            if (versions[i - 1] >= versions[i])
            {
                return ([.. versions.OrderDescending()], false);
            }
        }

        return (versions, true);
    }

    /// <summary>
    /// The evaluations already made for clusters that share this one's profile. Within a pass an
    /// evaluation depends only on the version and the profile (the pass-wide history and sector
    /// minimums do not change), so clusters of a profile share them rather than each building the
    /// same conditions and sentences again.
    /// </summary>
    private Dictionary<string, CandidateEvaluation> EvaluationsFor(UpgradeSpec spec) =>
        EvaluationsFor(new EvaluationProfile(spec.BlockedVersions, spec.Policy.Sector, spec.Policy.Workloads, spec.Policy.SoakDays));

    private Dictionary<string, CandidateEvaluation> EvaluationsFor(EvaluationProfile profile)
    {
        if (!_evaluations.TryGetValue(profile, out var memo))
        {
            memo = _memo.NewEvaluationTable();
            _evaluations[profile] = memo;
        }

        return memo;
    }

    /// <summary>
    /// A version's evaluation: blocked, or its conditions. Short of <paramref name="complete"/>,
    /// the conditions stop after the first check that fails: whether the version can be upgraded
    /// to, and the first condition that fails, are the same either way.
    /// </summary>
    private CandidateEvaluation Evaluate(UpgradeSpec spec, OpenShiftVersion version, bool complete)
    {
        if (_blocked.BlockingPattern(spec.BlockedVersions, spec.BlockedSubject(version)) is { } pattern)
        {
            return new CandidateEvaluation(version, pattern.Source, []);
        }

        if (complete || spec.BlockedVersions.IsEmpty)
        {
            return EvaluateConditions(spec, version, complete);
        }

        // A version no pattern blocks is evaluated as for a cluster without patterns: clusters that
        // block different versions share the evaluations of all the others.
        if (!ReferenceEquals(_unblockedSpec, spec))
        {
            // Looked up once per cluster rather than once per version.
            _unblocked = EvaluationsFor(new EvaluationProfile([], spec.Policy.Sector, spec.Policy.Workloads, spec.Policy.SoakDays));
            _unblockedSpec = spec;
        }

        var unblocked = _unblocked!;
        if (!unblocked.TryGetValue(version.ToString(), out var evaluation))
        {
            evaluation = EvaluateConditions(spec, version, complete: false);
            unblocked[version.ToString()] = evaluation;
        }

        return evaluation;
    }

    /// <summary>The conditions of a version no pattern blocks; they depend only on the version and the sector, workloads and soakDays of the cluster.</summary>
    private CandidateEvaluation EvaluateConditions(UpgradeSpec spec, OpenShiftVersion version, bool complete)
    {
        var conditions = _conditionScratch;
        conditions.Clear();
        AddVersionHoldCondition(conditions, version);
        if (spec.Policy.Sector is { } sector)
        {
            if (complete || AllHold(conditions))
            {
                conditions.Add(InheritedMinimumCondition(spec, version));
            }

            if (complete || AllHold(conditions))
            {
                AddSectorDependencyConditions(conditions, spec, sector, version);
            }
        }

        if (complete || AllHold(conditions))
        {
            AddSoakConditions(conditions, spec, version);
        }

        if (complete || AllHold(conditions))
        {
            AddApprovalCondition(conditions, spec.Policy.Sector, version);
        }

        return new CandidateEvaluation(version, null, conditions.ToImmutable());
    }

    private static bool AllHold(ImmutableArray<Condition>.Builder conditions)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Holds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A sectored cluster never passes what the organizations it inherits from run (a reference quirk: sectored only).</summary>
    private Condition InheritedMinimumCondition(UpgradeSpec spec, OpenShiftVersion version)
    {
        if (_history.Stats is null || _history.InheritedStats is not { } inherited)
        {
            return NoInheritedMinimum;
        }

        var workloads = spec.Policy.Workloads;
        var perWorkload = inherited.MinVersionPerWorkload;
        var allKnown = true;
        foreach (var workload in workloads)
        {
            allKnown &= perWorkload.ContainsKey(workload);
        }

        if (allKnown)
        {
            OpenShiftVersion? lowest = null;
            foreach (var workload in workloads)
            {
                var minimum = perWorkload[workload];
                if (version > minimum)
                {
                    return InheritedMinimum(version, minimum, workload, holds: false);
                }

                lowest = lowest is null || minimum < lowest ? minimum : lowest;
            }

            return InheritedMinimum(version, lowest, workload: null, holds: true);
        }

        if (inherited.MinVersion is { } overall && version > overall)
        {
            return InheritedMinimum(version, overall, workload: null, holds: false);
        }

        return InheritedMinimum(version, inherited.MinVersion, workload: null, holds: true);
    }

    /// <summary>The inherited-minimum condition with these facts, made once per pass: clusters of many profiles share it.</summary>
    private Condition InheritedMinimum(OpenShiftVersion version, OpenShiftVersion? minimum, Workload? workload, bool holds)
    {
        if (holds && minimum is null)
        {
            return NoInheritedMinimum;
        }

        // Keyed by the texts: versions that differ only in build metadata are equal, yet read differently.
        var key = (version.ToString(), minimum?.ToString(), workload, holds);
        if (!_inheritedConditions.TryGetValue(key, out var condition))
        {
            condition = holds
                ? Condition.Lazy(Reason.InheritedVersionData, true, (version, minimum), static f => PlanningMessages.InheritedMinimumHolds(f.version, f.minimum))
                : Condition.Lazy(Reason.InheritedVersionData, false, (version, minimum!, workload), static f => PlanningMessages.InheritedMinimumExceeded(f.version, f.Item2, f.workload));
            _inheritedConditions[key] = condition;
        }

        return condition;
    }

    /// <summary>Every cluster of the sectors this one depends on must run at least the version, per workload.</summary>
    private void AddSectorDependencyConditions(ImmutableArray<Condition>.Builder conditions, UpgradeSpec spec, SectorName sector, OpenShiftVersion version)
    {
        foreach (var workload in spec.Policy.Workloads)
        {
            foreach (var gate in DependencyGates(sector, workload))
            {
                if (!gate.Conditions.TryGetValue(version.ToString(), out var condition))
                {
                    var (dependency, minimum) = (gate.Dependency, gate.Minimum);
                    condition = minimum.Version >= version
                        ? Condition.Lazy(Reason.SectorDependency, true, (dependency, workload, minimum, version), static f => PlanningMessages.SectorDependencyHolds(f.dependency, f.workload, f.minimum, f.version))
                        : Condition.Lazy(Reason.SectorDependency, false, (sector, dependency, minimum, version), static f => PlanningMessages.SectorDependencyFails(f.sector, f.dependency, f.minimum, f.version));
                    gate.Conditions[version.ToString()] = condition;
                }

                conditions.Add(condition);
            }
        }
    }

    /// <summary>The sectors that gate the sector for the workload, each with its lowest cluster; looked up once per pass.</summary>
    private DependencyGate[] DependencyGates(SectorName sector, Workload workload)
    {
        if (_dependencyGates.TryGetValue((sector, workload), out var gates))
        {
            return gates;
        }

        var found = new List<DependencyGate>();
        foreach (var dependency in EffectiveDependencies(sector, workload))
        {
            if (SectorMinimumFor(dependency, workload) is { } minimum)
            {
                found.Add(new DependencyGate(dependency, minimum, new Dictionary<string, Condition>(StringComparer.Ordinal)));
            }
        }

        gates = [.. found];
        _dependencyGates[(sector, workload)] = gates;
        return gates;
    }

    /// <summary>
    /// The sectors whose clusters gate this sector for a workload: direct dependencies that run the
    /// workload, and, through those that do not, their own dependencies in turn.
    /// </summary>
    private ImmutableArray<SectorName> EffectiveDependencies(SectorName sector, Workload workload)
    {
        if (_effectiveDependencies.TryGetValue((sector, workload), out var cached))
        {
            return cached;
        }

        var result = new List<SectorName>();
        var visited = new HashSet<SectorName> { sector };
        var pending = new Stack<SectorName>(DirectDependencies(sector).Reverse());
        while (pending.TryPop(out var dependency))
        {
            if (!visited.Add(dependency))
            {
                continue;
            }

            if (SectorMinimumFor(dependency, workload) is not null)
            {
                result.Add(dependency);
            }
            else
            {
                foreach (var next in DirectDependencies(dependency).Reverse())
                {
                    pending.Push(next);
                }
            }
        }

        var dependencies = result.Distinct().ToImmutableArray();
        _effectiveDependencies[(sector, workload)] = dependencies;
        return dependencies;
    }

    private IEnumerable<SectorName> DirectDependencies(SectorName sector) =>
        _sectors.TryGetValue(sector, out var found) ? found.Dependencies : [];

    /// <summary>The cluster of the sector running the workload on the lowest version, or null if none runs it.</summary>
    private SectorLowestCluster? SectorMinimumFor(SectorName sector, Workload workload)
    {
        if (_sectorMinimums.TryGetValue((sector, workload), out var cached))
        {
            return cached;
        }

        SectorLowestCluster? minimum = null;
        foreach (var spec in _specs)
        {
            if (spec.Policy.Sector == sector && spec.Policy.Workloads.Contains(workload)
                && (minimum is null || spec.CurrentVersion < minimum.Version))
            {
                minimum = new SectorLowestCluster(spec.Name, spec.CurrentVersion);
            }
        }

        _sectorMinimums[(sector, workload)] = minimum;
        return minimum;
    }

    /// <summary>Every workload must have soaked the version for soakDays cluster-days (absent soakDays: no check).</summary>
    private void AddSoakConditions(ImmutableArray<Condition>.Builder conditions, UpgradeSpec spec, OpenShiftVersion version)
    {
        if (spec.Policy.SoakDays is not { } required)
        {
            conditions.Add(NoSoakRequired);
            return;
        }

        foreach (var workload in spec.Policy.Workloads)
        {
            var key = (version.ToString(), workload, required);
            if (!_soakConditions.TryGetValue(key, out var condition))
            {
                var soaked = _history.SoakDays(version.ToString(), workload);
                condition = Condition.Lazy(Reason.Soaking, soaked >= required, (version, soaked, required, workload), static f => PlanningMessages.Soak(f.version, f.soaked, f.required, f.workload));
                _soakConditions[key] = condition;
            }

            conditions.Add(condition);
        }
    }

    private static (Reason Reason, string Detail) ExplainNoVersion(UpgradeSpec spec, List<CandidateEvaluation> candidates)
    {
        if (candidates.Count == 0)
        {
            return (Reason.NoUpgradesAvailable, PlanningMessages.NoUpgrades(spec.CurrentVersion));
        }

        var best = candidates.FirstOrDefault(c => !c.IsBlocked);
        if (best is null)
        {
            return (Reason.Blocked, PlanningMessages.AllBlocked(candidates));
        }

        var failure = best.FirstFailure!;
        return (failure.FailureReason, failure.Detail);
    }

    /// <summary>A sector that gates another for a workload, its lowest cluster, and the conditions made of it so far, by version text.</summary>
    internal sealed record DependencyGate(SectorName Dependency, SectorLowestCluster Minimum, Dictionary<string, Condition> Conditions);

    /// <summary>Everything of a cluster that its candidates' evaluation depends on, compared by content.</summary>
    internal readonly record struct EvaluationProfile(
        ImmutableArray<VersionPattern> BlockedVersions,
        SectorName? Sector,
        ImmutableArray<Workload> Workloads,
        int? SoakDays)
    {
        public bool Equals(EvaluationProfile other) =>
            Sector == other.Sector
            && SoakDays == other.SoakDays
            && Workloads.SequenceEqual(other.Workloads)
            && BlockedVersions.SequenceEqual(other.BlockedVersions);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Sector);
            hash.Add(SoakDays);
            foreach (var workload in Workloads)
            {
                hash.Add(workload);
            }

            foreach (var pattern in BlockedVersions)
            {
                hash.Add(pattern);
            }

            return hash.ToHashCode();
        }
    }
}
