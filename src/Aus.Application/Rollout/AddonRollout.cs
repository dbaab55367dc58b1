using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;

namespace Aus.Application.Rollout;

/// <summary>
/// Follows the add-on side of a rollout: which ready add-on of which followed cluster the catalog
/// has a new version for, what OCM's add-on upgrades did, and when each add-on reached each cluster.
/// </summary>
public sealed class AddonRollout
{
    private readonly Dictionary<(string Cluster, string Addon), string> _from = [];
    private readonly Dictionary<(string Cluster, string Addon), string> _targets = [];
    private readonly Dictionary<(string Cluster, string Addon), string> _versions = [];
    private readonly Dictionary<(string Cluster, string Addon), string> _upgrading = [];
    private readonly Dictionary<(string Cluster, string Addon), DateTimeOffset> _startedAt = [];
    private readonly Dictionary<(string Cluster, string Addon), DateTimeOffset> _reachedAt = [];
    private readonly ImmutableArray<Workload> _workloads;

    /// <param name="clusters">The clusters of the organizations that manage add-on upgrades, as OCM showed them at the start.</param>
    /// <param name="catalog">The add-on catalog at the start: add-on id → the version its rollout goes to.</param>
    /// <param name="policies">The cluster policies by cluster name: only these clusters are followed.</param>
    public AddonRollout(IEnumerable<OcmCluster> clusters, IReadOnlyDictionary<string, string> catalog, IReadOnlyDictionary<string, ClusterPolicy> policies, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(policies);
        _workloads = [.. policies.Values.SelectMany(p => p.Workloads).Distinct()];
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

    /// <summary>Every followed (cluster, add-on): where it came from, where it goes, when it started and reached it; by add-on, then cluster name.</summary>
    public ImmutableArray<AddonProgress> Progress =>
    [
        .. _targets
            .OrderBy(t => t.Key.Addon, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Cluster, StringComparer.Ordinal)
            .Select(t => new AddonProgress(
                t.Key.Cluster,
                t.Key.Addon,
                _from[t.Key],
                t.Value,
                _startedAt.TryGetValue(t.Key, out var started) ? started : null,
                _reachedAt.TryGetValue(t.Key, out var reached) ? reached : null)),
    ];

    /// <summary>The version of the add-on the cluster runs now, as the transitions tell it.</summary>
    public string? VersionOf(string cluster, string addon) => _versions.GetValueOrDefault((cluster, addon));

    /// <summary>The version the cluster's add-on is upgrading to right now, if any.</summary>
    public string? UpgradingTo(string cluster, string addon) => _upgrading.GetValueOrDefault((cluster, addon));

    /// <summary>Follows one of OCM's add-on transitions; other transitions are not the add-ons'.</summary>
    public void Track(UpgradeTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.Addon is not { } addon)
        {
            return;
        }

        var key = (transition.Cluster, addon);
        switch (transition.State)
        {
            case UpgradeTransitionState.Started:
                _upgrading[key] = transition.Version;
                if (_targets.TryGetValue(key, out var target) && transition.Version == target)
                {
                    _startedAt.TryAdd(key, transition.At);
                }

                break;
            case UpgradeTransitionState.Completed:
                _upgrading.Remove(key);
                _versions[key] = transition.Version;
                if (_targets.TryGetValue(key, out var reached) && transition.Version == reached)
                {
                    _reachedAt.TryAdd(key, transition.At);
                }

                break;
            default:
                _upgrading.Remove(key);
                break;
        }
    }

    /// <summary>Soak days each add-on's target version has gathered so far, per workload of the followed clusters (highest over the plans).</summary>
    public ImmutableArray<AddonSoak> Soak(IEnumerable<OrganizationPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var soak = new SortedDictionary<(string Addon, string Workload), double>();
        var targets = Targets;
        foreach (var plan in plans)
        {
            foreach (var (addon, version) in targets)
            {
                var history = plan.AddonHistories.GetValueOrDefault(addon);
                foreach (var workload in _workloads)
                {
                    var key = (addon, workload.Value);
                    soak[key] = Math.Max(soak.GetValueOrDefault(key), history?.SoakDays(version, workload) ?? 0);
                }
            }
        }

        return [.. soak.Select(s => new AddonSoak(s.Key.Addon, targets[s.Key.Addon], s.Key.Workload, s.Value))];
    }
}

/// <summary>How one add-on of one cluster fared: from and target versions, when its upgrade to the target started and when it ran it.</summary>
public sealed record AddonProgress(string Cluster, string Addon, string FromVersion, string TargetVersion, DateTimeOffset? StartedAt, DateTimeOffset? ReachedAt);

/// <summary>The soak days an add-on's target version has gathered for a workload.</summary>
public sealed record AddonSoak(string Addon, string Version, string Workload, double Days);
