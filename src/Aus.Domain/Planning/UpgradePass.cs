using System.Collections.Immutable;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Policies;
using Aus.Domain.Reporting;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>
/// One organization's decision pipeline: clusters are taken in
/// (version, soakDays) order and each takes its locks greedily, so later clusters see earlier ones.
/// </summary>
internal sealed partial class UpgradePass
{
    /// <summary>OCM refuses policies less than 5 minutes ahead; the reference plans 6 minutes ahead.</summary>
    public static readonly TimeSpan PolicyDelay = TimeSpan.FromMinutes(6);

    /// <summary>How far ahead a schedule slot may be for the cluster to count as in its window.</summary>
    public static readonly TimeSpan LookAhead = TimeSpan.FromHours(2);

    /// <summary>Add-on upgrades run at once: their slot is looked for 1 minute ahead ...</summary>
    public static readonly TimeSpan AddonDelay = TimeSpan.FromMinutes(1);

    /// <summary>... and must come within 10 minutes for the add-on to count as in its window.</summary>
    public static readonly TimeSpan AddonLookAhead = TimeSpan.FromMinutes(10);

    private readonly OrganizationPolicy _organization;
    private readonly IReadOnlyList<UpgradeSpec> _specs;
    private readonly ImmutableArray<VersionGate> _gates;
    private readonly VersionHistory _history;
    private readonly DateTimeOffset _now;
    private readonly string? _explainCluster;
    private readonly bool _includeReport;
    private readonly Dictionary<SectorName, Sector> _sectors;
    private readonly BlockedVersionMatches _blocked;
    private readonly RolloutControls _controls;
    private readonly string? _addonId;

    private readonly PassMemo _memo;
    private readonly Dictionary<MutexName, Holder> _locked;
    private readonly Dictionary<(SectorName Sector, MutexName Mutex), List<Holder>> _sectorUpgrades;
    private readonly ImmutableArray<PlannedAction>.Builder _actions = ImmutableArray.CreateBuilder<PlannedAction>();
    private readonly ImmutableArray<OrganizationMessage>.Builder _warnings = ImmutableArray.CreateBuilder<OrganizationMessage>();
    private ExplanationRecorder? _recorder;

    public UpgradePass(
        OrganizationPolicy organization,
        IReadOnlyList<UpgradeSpec> specs,
        ImmutableArray<VersionGate> gates,
        VersionHistory history,
        DateTimeOffset now,
        string? explainCluster,
        bool includeReport,
        BlockedVersionMatches blocked,
        RolloutControls controls,
        string? addonId = null,
        PassMemo? memo = null)
    {
        _memo = memo ?? new PassMemo();
        _memo.Clear();
        _locked = _memo.Locked;
        _sectorUpgrades = _memo.SectorUpgrades;
        _sectorMinimums = _memo.SectorMinimums;
        _effectiveDependencies = _memo.EffectiveDependencies;
        _evaluations = _memo.Evaluations;
        _soakConditions = _memo.SoakConditions;
        _dependencyGates = _memo.DependencyGates;
        _inheritedConditions = _memo.InheritedConditions;
        _holdConditions = _memo.HoldConditions;
        _approvalConditions = _memo.ApprovalConditions;
        _nextChannels = _memo.NextChannels;
        _addonId = addonId;
        _organization = organization;
        _specs = specs;
        _gates = gates;
        _blocked = blocked;
        _controls = controls;
        _history = history;
        _now = now;
        _explainCluster = explainCluster;
        _includeReport = includeReport;
        _sectors = organization.Sectors.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());
    }

    public PassResult Run()
    {
        // The reference sorts with Python's stable sort: ties keep the policy file's order.
        var ordered = _specs.OrderBy(s => s.CurrentVersion).ThenBy(s => s.Policy.SoakDays ?? 0).ToList();
        if (_addonId is not null)
        {
            DeleteFinishedAddonPolicies(ordered);
        }

        foreach (var spec in ordered.Where(s => !s.Cluster.UpgradePolicies.IsEmpty))
        {
            // Warned here rather than where the cluster is skipped: a hosted control plane is
            // skipped earlier, by its own lock, and must not go unreported: every such cluster gets a warning.
            if (spec.Cluster.UpgradePolicies.Length > 1)
            {
                var several = _addonId is null
                    ? PlanningMessages.SeveralPolicies(spec.Name, spec.Cluster.UpgradePolicies.Length)
                    : PlanningMessages.SeveralAddonPolicies(spec.Name, _addonId, spec.Cluster.UpgradePolicies.Length);
                _warnings.Add(new OrganizationMessage(spec.Name, several) { ClusterId = spec.ClusterId });
            }

            MarkUpgrading(spec, spec.Cluster.UpgradePolicies[0].Version);
        }

        var decisions = ImmutableArray.CreateBuilder<ClusterDecision>(ordered.Count);
        ClusterExplanation? explanation = null;
        foreach (var spec in ordered)
        {
            _recorder = spec.Name == _explainCluster ? new ExplanationRecorder() : null;
            var actionsBefore = _actions.Count;
            var decision = _addonId is null ? Decide(spec) : DecideAddon(spec) with { Addon = _addonId };
            decisions.Add(decision);
            if (_recorder is not null)
            {
                if (!_recorder.HasCandidates)
                {
                    // Explain every candidate, even where the pipeline stopped before choosing.
                    _recorder.SetCandidates([.. EvaluateCandidates(spec, forExplanation: true)]);
                }

                explanation = _recorder.Build(decision, _actions.Skip(actionsBefore), GateReport(spec));
            }
        }

        _recorder = null;
        foreach (var spec in ordered)
        {
            // Add-ons have no version gates.
            if (_addonId is null)
            {
                AddGateAgreements(spec);
            }
        }

        if (explanation is not null)
        {
            var extra = _actions.OfType<AgreeVersionGate>().Where(a => a.Cluster == _explainCluster);
            explanation = explanation with { Actions = explanation.Actions.AddRange(extra) };
        }

        var report = _includeReport && _addonId is null ? ordered.Select(ReportRow).ToImmutableArray() : [];
        var addonReport = _includeReport && _addonId is { } addon ? ordered.Select(s => AddonReportRow(s, addon)).ToImmutableArray() : [];
        return new PassResult(decisions.MoveToImmutable(), _actions.ToImmutable(), _warnings.ToImmutable(), explanation) { Report = report, AddonReport = addonReport };
    }

    private ClusterDecision Decide(UpgradeSpec spec)
    {
        // A pause stops new policies only; one already in OCM is reported as the upgrade in progress it is.
        if (CancelScheduledPolicies(spec) is { } cancelled)
        {
            return cancelled;
        }

        var pause = ClusterPause(spec);
        if (pause is not null && spec.Cluster.UpgradePolicies.IsEmpty)
        {
            return Skip(spec, Reason.Paused, PlanningMessages.Paused(pause));
        }

        if (spec.Cluster.IsHostedControlPlane)
        {
            if (CheckCapacity(spec) is { } held)
            {
                // A policy in OCM takes the cluster's own locks, so it is held here rather than at
                // the existing-policy step; report it as the upgrade in progress that it is. (A
                // classic cluster with a policy never reaches the capacity check.)
                return spec.Cluster.UpgradePolicies.IsEmpty ? held : InProgress(spec);
            }

            if (LaggingNodePool(spec) is { } lagging)
            {
                if (pause is not null)
                {
                    return Skip(spec, Reason.Paused, PlanningMessages.Paused(pause));
                }

                return Frozen(spec, _now + PolicyDelay) ?? CatchUpNodePool(spec, lagging);
            }
        }

        if (!spec.Cluster.UpgradePolicies.IsEmpty)
        {
            return InProgress(spec);
        }

        var slot = spec.Policy.Schedule.NextAfter(_now + PolicyDelay);
        if (slot is null || slot.Value - _now > LookAhead)
        {
            var outside = _memo.OutsideWindow(spec.Policy.Schedule.Expression, slot);
            Record(outside);
            var channel = TrySwitchChannel(spec);
            return Skip(spec, Reason.OutsideWindow, outside + channel);
        }

        Record(static slot => PlanningMessages.InWindow(slot), slot.Value);
        if (Frozen(spec, slot.Value) is { } frozen)
        {
            return frozen;
        }

        if (CheckCapacity(spec) is { } blocked)
        {
            return blocked;
        }

        var candidates = EvaluateCandidates(spec, forExplanation: _recorder is not null);
        _recorder?.SetCandidates([.. candidates]);
        var chosen = FirstUpgradeableCandidate(candidates);
        if (chosen is null)
        {
            var (reason, detail) = ExplainNoVersion(spec, candidates);
            var channel = TrySwitchChannel(spec);
            return Skip(spec, reason, detail + channel);
        }

        var missingGates = MissingGates(spec, chosen.Version.MinorVersion).ToList();
        if (missingGates.Count > 0)
        {
            return Skip(spec, Reason.VersionGate, PlanningMessages.GateMissing(chosen.Version, missingGates, EnabledGateLabels(spec)), chosen.Version.ToString());
        }

        var kind = spec.Cluster.IsHostedControlPlane ? UpgradePolicyKind.ControlPlane : UpgradePolicyKind.Cluster;
        _actions.Add(new CreateUpgradePolicy(spec.Name, spec.ClusterId, kind, chosen.Version, slot.Value));
        MarkUpgrading(spec, chosen.Version.ToString());
        return new ClusterDecision
        {
            Name = spec.Name,
            ClusterId = spec.ClusterId,
            Version = spec.CurrentVersion.ToString(),
            Decision = Decision.Upgrade,
            Reason = Reason.Scheduled,
            TargetVersion = chosen.Version.ToString(),
            NextRun = slot.Value,
            Detail = PlanningMessages.Scheduled(chosen.Version, slot.Value),
        };
    }

    private ClusterDecision CatchUpNodePool(UpgradeSpec spec, NodePool pool)
    {
        // Node pools follow their control plane at once: no window, soak or version check.
        var nextRun = _now + PolicyDelay;
        var version = spec.CurrentVersion.ToString();
        _actions.Add(new CreateUpgradePolicy(spec.Name, spec.ClusterId, UpgradePolicyKind.NodePool, spec.CurrentVersion, nextRun, pool.Id));
        MarkUpgrading(spec, version);
        return new ClusterDecision
        {
            Name = spec.Name,
            ClusterId = spec.ClusterId,
            Version = version,
            Decision = Decision.Upgrade,
            Reason = Reason.NodePoolUpgrade,
            TargetVersion = version,
            NextRun = nextRun,
            Detail = PlanningMessages.NodePoolCatchUp(pool, spec.CurrentVersion),
        };
    }

    private ClusterDecision InProgress(UpgradeSpec spec)
    {
        var policies = spec.Cluster.UpgradePolicies;
        return Skip(spec, Reason.UpgradeInProgress, PlanningMessages.PolicyExists(policies[0], policies.Length));
    }

    private static ClusterDecision Skip(UpgradeSpec spec, Reason reason, string detail, string? targetVersion = null) => new()
    {
        Name = spec.Name,
        ClusterId = spec.ClusterId,
        Version = spec.CurrentVersion.ToString(),
        Decision = Decision.Skip,
        Reason = reason,
        TargetVersion = targetVersion,
        Detail = detail,
    };

    private void MarkUpgrading(UpgradeSpec spec, string version)
    {
        var holder = new Holder(spec, version);
        foreach (var mutex in spec.EffectiveMutexes)
        {
            _locked[mutex] = holder;
            if (spec.Policy.Sector is { } sector)
            {
                var key = (sector, mutex);
                if (!_sectorUpgrades.TryGetValue(key, out var holders))
                {
                    holders = [];
                    _sectorUpgrades[key] = holders;
                }

                if (!IsAmong(holders, spec))
                {
                    holders.Add(holder);
                }
            }
        }
    }

    // Loops rather than lambdas: a lambda capturing the spec costs an allocation on every call of
    // the method that holds it, for every cluster, whether it runs or not.
    private static NodePool? LaggingNodePool(UpgradeSpec spec)
    {
        foreach (var pool in spec.Cluster.NodePools)
        {
            if (pool.Version < spec.CurrentVersion)
            {
                return pool;
            }
        }

        return null;
    }

    private static bool IsAmong(IReadOnlyList<Holder> holders, UpgradeSpec spec)
    {
        foreach (var holder in holders)
        {
            if (holder.Spec.ClusterId == spec.ClusterId)
            {
                return true;
            }
        }

        return false;
    }

    private void Record(string step) => _recorder?.AddStep(step);

    /// <summary>
    /// Records a step only written for `aus explain`: the sentence is not built for other clusters
    /// (a static lambda with its state, so that nothing is allocated for them either).
    /// </summary>
    private void Record<TState>(Func<TState, string> step, TState state) => _recorder?.AddStep(step(state));

    /// <summary>A cluster upgrading in this pass or before it, holding its mutexes.</summary>
    internal sealed record Holder(UpgradeSpec Spec, string Version);

    internal sealed record PassResult(
        ImmutableArray<ClusterDecision> Decisions,
        ImmutableArray<PlannedAction> Actions,
        ImmutableArray<OrganizationMessage> Warnings,
        ClusterExplanation? Explanation)
    {
        public ImmutableArray<ClusterReportRow> Report { get; init; } = [];

        public ImmutableArray<AddonReportRow> AddonReport { get; init; } = [];

        /// <summary>The add-on passes' version data by add-on id, inherited data included.</summary>
        public ImmutableDictionary<string, VersionHistory> AddonVersionData { get; init; } = ImmutableDictionary<string, VersionHistory>.Empty;
    }
}
