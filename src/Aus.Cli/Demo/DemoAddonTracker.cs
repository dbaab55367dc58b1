using System.Collections.Immutable;
using Aus.Application.Rollout;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;

namespace Aus.Cli.Demo;

/// <summary>
/// The add-on side of the demo, for its displays: the add-on rollout (<see cref="AddonRollout"/>)
/// shown as each pass's add-on decisions and the summary's rows.
/// </summary>
internal sealed class DemoAddonTracker
{
    private readonly AddonRollout _rollout;
    private readonly IReadOnlyDictionary<string, ClusterPolicy> _policies;

    /// <param name="clusters">The clusters of the organizations that manage add-on upgrades, as OCM showed them at the start.</param>
    /// <param name="catalog">The add-on catalog at the start: add-on id → the version its rollout goes to.</param>
    public DemoAddonTracker(IEnumerable<OcmCluster> clusters, IReadOnlyDictionary<string, string> catalog, IReadOnlyDictionary<string, ClusterPolicy> policies, DateTimeOffset start)
    {
        _rollout = new AddonRollout(clusters, catalog, policies, start);
        _policies = policies;
    }

    /// <summary>Whether any add-on is followed at all.</summary>
    public bool Any => _rollout.Any;

    /// <summary>Every followed add-on runs its catalog version.</summary>
    public bool Converged => _rollout.Converged;

    /// <summary>The add-on versions the rollout goes to, by add-on id.</summary>
    public ImmutableSortedDictionary<string, string> Targets => _rollout.Targets;

    /// <summary>Follows one of OCM's add-on transitions; other transitions are not the tracker's.</summary>
    public void Track(UpgradeTransition transition) => _rollout.Track(transition);

    /// <summary>The add-on decisions of a pass, with what OCM runs and holds for each, in the organization files' cluster order.</summary>
    public IEnumerable<DemoAddonState> Describe(OrganizationPlan plan, FleetOrganization? fleet)
    {
        var ocm = fleet?.Clusters.ToDictionary(c => c.Name, StringComparer.Ordinal) ?? [];
        foreach (var decision in plan.Clusters.Where(c => c.Addon is not null))
        {
            var policy = _policies.GetValueOrDefault(decision.Name);
            var existing = ocm.GetValueOrDefault(decision.Name)?.AddonUpgradePolicies.FirstOrDefault(p => p.AddonId == decision.Addon);
            yield return new DemoAddonState
            {
                Cluster = decision.Name,
                Addon = decision.Addon!,
                Sector = policy?.Sector?.Value,
                Mutexes = policy is null ? [] : [.. policy.Mutexes.Select(m => m.Value)],
                Version = _rollout.VersionOf(decision.Name, decision.Addon!) ?? decision.Version,
                Decision = decision.Decision,
                Reason = decision.Reason,
                TargetVersion = decision.TargetVersion,
                Detail = decision.Detail,
                Upgrading = _rollout.UpgradingTo(decision.Name, decision.Addon!),
                Policy = existing is null ? null : $"{existing.Version} ({existing.State.ToString().ToLowerInvariant()})",
            };
        }
    }

    /// <summary>Soak days each add-on's target version has gathered so far, per workload (highest over the organizations).</summary>
    public ImmutableArray<AddonSoak> Soak(IEnumerable<OrganizationPlan> plans) => _rollout.Soak(plans);

    public ImmutableArray<DemoAddonSummary> Summaries(Func<string, int> order) =>
    [
        .. _rollout.Progress
            .OrderBy(p => p.Addon, StringComparer.Ordinal)
            .ThenBy(p => order(p.Cluster))
            .Select(p =>
            {
                var policy = _policies.GetValueOrDefault(p.Cluster);
                return new DemoAddonSummary
                {
                    Cluster = p.Cluster,
                    Addon = p.Addon,
                    Sector = policy?.Sector?.Value,
                    Mutexes = policy is null ? [] : [.. policy.Mutexes.Select(m => m.Value)],
                    FromVersion = p.FromVersion,
                    TargetVersion = p.TargetVersion,
                    StartedAt = p.StartedAt,
                    ReachedAt = p.ReachedAt,
                };
            }),
    ];
}
