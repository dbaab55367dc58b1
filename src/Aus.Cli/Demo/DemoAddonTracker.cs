using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Simulator;

namespace Aus.Cli.Demo;

/// <summary>
/// The add-on side of the demo: which ready add-on of which cluster the catalog has a new version
/// for, what OCM's add-on upgrades did on the clock, and when each add-on reached each cluster.
/// </summary>
internal sealed class DemoAddonTracker
{
    private readonly Dictionary<(string Cluster, string Addon), string> _from = [];
    private readonly Dictionary<(string Cluster, string Addon), string> _targets = [];
    private readonly Dictionary<(string Cluster, string Addon), string> _versions = [];
    private readonly Dictionary<(string Cluster, string Addon), string> _upgrading = [];
    private readonly Dictionary<(string Cluster, string Addon), DateTimeOffset> _startedAt = [];
    private readonly Dictionary<(string Cluster, string Addon), DateTimeOffset> _reachedAt = [];
    private readonly IReadOnlyDictionary<string, ClusterPolicy> _policies;

    /// <param name="clusters">The clusters of the organizations that manage add-on upgrades, as OCM showed them at the start.</param>
    /// <param name="catalog">The add-on catalog at the start: add-on id → the version its rollout goes to.</param>
    public DemoAddonTracker(IEnumerable<OcmCluster> clusters, IReadOnlyDictionary<string, string> catalog, IReadOnlyDictionary<string, ClusterPolicy> policies, DateTimeOffset start)
    {
        _policies = policies;
        foreach (var cluster in clusters.Where(c => policies.ContainsKey(c.Name)))
        {
            foreach (var addon in cluster.Addons.Where(a => a.IsReady && catalog.ContainsKey(a.Id)))
            {
                var key = (cluster.Name, addon.Id);
                _from[key] = addon.Version;
                _versions[key] = addon.Version;
                _targets[key] = catalog[addon.Id];
                if (addon.Version == catalog[addon.Id])
                {
                    _reachedAt[key] = start;
                }
            }
        }
    }

    /// <summary>Whether any add-on is followed at all.</summary>
    public bool Any => _targets.Count > 0;

    /// <summary>Every followed add-on runs its catalog version.</summary>
    public bool Converged => _targets.Keys.All(_reachedAt.ContainsKey);

    /// <summary>The add-on versions the rollout goes to, by add-on id.</summary>
    public ImmutableSortedDictionary<string, string> Targets =>
        _targets.GroupBy(t => t.Key.Addon, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>Follows one of OCM's add-on transitions; other transitions are not the tracker's.</summary>
    public void Track(SimEvent e)
    {
        if (e.Kind != "addon" || e.AddonId is not { } addon)
        {
            return;
        }

        var key = (e.ClusterName, addon);
        switch (e.State)
        {
            case "started":
                _upgrading[key] = e.Version;
                if (_targets.TryGetValue(key, out var target) && e.Version == target)
                {
                    _startedAt.TryAdd(key, e.At);
                }

                break;
            case "completed":
                _upgrading.Remove(key);
                _versions[key] = e.Version;
                if (_targets.TryGetValue(key, out var reached) && e.Version == reached)
                {
                    _reachedAt.TryAdd(key, e.At);
                }

                break;
            default:
                _upgrading.Remove(key);
                break;
        }
    }

    /// <summary>The add-on decisions of a pass, with what OCM runs and holds for each, in the organization files' cluster order.</summary>
    public IEnumerable<DemoAddonState> Describe(OrganizationPlan plan, FleetOrganization? fleet)
    {
        var ocm = fleet?.Clusters.ToDictionary(c => c.Name, StringComparer.Ordinal) ?? [];
        foreach (var decision in plan.Clusters.Where(c => c.Addon is not null))
        {
            var key = (decision.Name, decision.Addon!);
            var policy = _policies.GetValueOrDefault(decision.Name);
            var existing = ocm.GetValueOrDefault(decision.Name)?.AddonUpgradePolicies.FirstOrDefault(p => p.AddonId == decision.Addon);
            yield return new DemoAddonState
            {
                Cluster = decision.Name,
                Addon = decision.Addon!,
                Sector = policy?.Sector?.Value,
                Mutexes = policy is null ? [] : [.. policy.Mutexes.Select(m => m.Value)],
                Version = _versions.GetValueOrDefault(key) ?? decision.Version,
                Decision = decision.Decision,
                Reason = decision.Reason,
                TargetVersion = decision.TargetVersion,
                Detail = decision.Detail,
                Upgrading = _upgrading.GetValueOrDefault(key),
                Policy = existing is null ? null : $"{existing.Version} ({existing.State.ToString().ToLowerInvariant()})",
            };
        }
    }

    /// <summary>Soak days each add-on's target version has gathered so far, per workload (highest over the organizations).</summary>
    public ImmutableArray<DemoAddonSoak> Soak(IEnumerable<OrganizationPlan> plans)
    {
        var soak = new SortedDictionary<(string Addon, string Workload), double>();
        var workloads = _policies.Values.SelectMany(p => p.Workloads).Distinct().ToList();
        var targets = Targets;
        foreach (var plan in plans)
        {
            foreach (var (addon, version) in targets)
            {
                var history = plan.AddonHistories.GetValueOrDefault(addon);
                foreach (var workload in workloads)
                {
                    var key = (addon, workload.Value);
                    soak[key] = Math.Max(soak.GetValueOrDefault(key), history?.SoakDays(version, workload) ?? 0);
                }
            }
        }

        return [.. soak.Select(s => new DemoAddonSoak(s.Key.Addon, targets[s.Key.Addon], s.Key.Workload, s.Value))];
    }

    public ImmutableArray<DemoAddonSummary> Summaries(Func<string, int> order) =>
    [
        .. _targets
            .OrderBy(t => t.Key.Addon, StringComparer.Ordinal)
            .ThenBy(t => order(t.Key.Cluster))
            .Select(t =>
            {
                var policy = _policies.GetValueOrDefault(t.Key.Cluster);
                return new DemoAddonSummary
                {
                    Cluster = t.Key.Cluster,
                    Addon = t.Key.Addon,
                    Sector = policy?.Sector?.Value,
                    Mutexes = policy is null ? [] : [.. policy.Mutexes.Select(m => m.Value)],
                    FromVersion = _from[t.Key],
                    TargetVersion = t.Value,
                    StartedAt = _startedAt.TryGetValue(t.Key, out var started) ? started : null,
                    ReachedAt = _reachedAt.TryGetValue(t.Key, out var reached) ? reached : null,
                };
            }),
    ];
}

/// <summary>The soak days an add-on's target version has gathered for a workload.</summary>
internal sealed record DemoAddonSoak(string Addon, string Version, string Workload, double Days);
