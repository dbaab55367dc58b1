using System.Collections.Immutable;
using Aus.Application.Reconcile;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Application.Rollout;

/// <summary>
/// Follows the rollout of one release over the clusters that have a policy: which clusters it is
/// offered to, what OCM's upgrades did pass after pass, when each cluster started and reached it,
/// and how long the release had soaked where aus scheduled it. The rollout is over when every
/// cluster it is offered to runs it (or a later version).
/// </summary>
public sealed class ReleaseRollout
{
    private readonly OpenShiftVersion _release;
    private readonly IReadOnlyDictionary<string, ClusterPolicy> _policies;
    private readonly HashSet<string> _inScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _from = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _upgrading = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _startedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _reachedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _soakWhenScheduled = new(StringComparer.Ordinal);

    /// <param name="policies">The cluster policies by cluster name: only these clusters are followed.</param>
    /// <param name="clusters">The clusters as OCM showed them when the release was published.</param>
    /// <param name="start">When the release was published: a cluster already running it reached it then.</param>
    public ReleaseRollout(OpenShiftVersion release, IReadOnlyDictionary<string, ClusterPolicy> policies, IEnumerable<OcmCluster> clusters, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(clusters);
        _release = release;
        _policies = policies;
        foreach (var cluster in clusters.Where(c => policies.ContainsKey(c.Name)))
        {
            var atOrPast = cluster.Version.CompareTo(release) >= 0;
            if (atOrPast || cluster.AvailableUpgrades.Contains(release))
            {
                _inScope.Add(cluster.Name);
            }

            _from[cluster.Name] = cluster.Version.ToString();
            _versions[cluster.Name] = cluster.Version.ToString();
            if (atOrPast)
            {
                _reachedAt[cluster.Name] = start;
            }
        }
    }

    /// <summary>Every cluster the release is offered to runs it (there must be one).</summary>
    public bool Converged => _inScope.Count > 0 && _inScope.All(_reachedAt.ContainsKey);

    /// <summary>Whether the release is offered to the cluster at all (or it already runs it).</summary>
    public bool IsInScope(string cluster) => _inScope.Contains(cluster);

    /// <summary>The version the cluster ran when the release was published.</summary>
    public string? FromVersion(string cluster) => _from.GetValueOrDefault(cluster);

    /// <summary>The version the cluster runs now, as the transitions tell it.</summary>
    public string? VersionOf(string cluster) => _versions.GetValueOrDefault(cluster);

    /// <summary>The version the cluster is upgrading to right now, if any.</summary>
    public string? UpgradingTo(string cluster) => _upgrading.GetValueOrDefault(cluster);

    /// <summary>When the cluster's upgrade to the release (or a later version) started.</summary>
    public DateTimeOffset? StartedAt(string cluster) => _startedAt.TryGetValue(cluster, out var at) ? at : null;

    /// <summary>When the cluster ran the release (or a later version).</summary>
    public DateTimeOffset? ReachedAt(string cluster) => _reachedAt.TryGetValue(cluster, out var at) ? at : null;

    /// <summary>The soak days the release had (lowest over the cluster's workloads) when aus scheduled it on the cluster.</summary>
    public double? SoakDaysWhenScheduled(string cluster) => _soakWhenScheduled.TryGetValue(cluster, out var days) ? days : null;

    /// <summary>
    /// Follows one of OCM's transitions. Node-pool upgrades follow the control plane (the cluster's
    /// version is its control plane's), and add-on upgrades are not the release's: both are ignored.
    /// </summary>
    public void Track(UpgradeTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.NodePool is not null || transition.Addon is not null)
        {
            return;
        }

        var cluster = transition.Cluster;
        switch (transition.State)
        {
            case UpgradeTransitionState.Started:
                _upgrading[cluster] = transition.Version;
                if (AtOrPastRelease(transition.Version))
                {
                    _startedAt.TryAdd(cluster, transition.At);
                }

                break;
            case UpgradeTransitionState.Completed:
                _upgrading.Remove(cluster);
                _versions[cluster] = transition.Version;
                if (AtOrPastRelease(transition.Version))
                {
                    _reachedAt.TryAdd(cluster, transition.At);
                }

                break;
            default:
                _upgrading.Remove(cluster);
                break;
        }
    }

    /// <summary>
    /// Takes what a pass did for an organization: each cluster upgrade policy to the release it
    /// created records the release's soak then (lowest over the cluster's workloads, from the
    /// organization's own checked-in history).
    /// </summary>
    public void Record(OrganizationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Plan is not { } plan)
        {
            return;
        }

        foreach (var result in outcome.Results.Where(r => r.Succeeded))
        {
            if (result.Action is CreateUpgradePolicy { Addon: null } create && create.Version.ToString() == _release.ToString() && _policies.TryGetValue(create.Cluster, out var policy))
            {
                _soakWhenScheduled[create.Cluster] = policy.Workloads.Min(w => plan.History?.SoakDays(_release.ToString(), w) ?? 0);
            }
        }
    }

    /// <summary>The soak days the release has gathered so far per workload of the followed clusters: the highest over the plans' own histories.</summary>
    public ImmutableSortedDictionary<string, double> Soak(IEnumerable<OrganizationPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var soak = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var workloads = _policies.Values.SelectMany(p => p.Workloads).Distinct().ToList();
        foreach (var plan in plans)
        {
            foreach (var workload in workloads)
            {
                var days = plan.History?.SoakDays(_release.ToString(), workload) ?? 0;
                soak[workload.Value] = Math.Max(soak.GetValueOrDefault(workload.Value), days);
            }
        }

        return soak.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    private bool AtOrPastRelease(string version) => OpenShiftVersion.TryParse(version, out var parsed) && parsed.CompareTo(_release) >= 0;
}
