using Aus.Application.Forecast;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Domain.Versions;
using CsCheck;

namespace Aus.Application.Tests.Forecast;

/// <summary>
/// A forecast never shows an upgrade that a mutex, the sector order, soak or the schedule window
/// forbids at the pass that creates it. Each rule is checked from the forecast's own timeline,
/// independently of the planner.
/// </summary>
public sealed class ForecastSafetyPropertyTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(20);

    [Fact]
    public void Every_created_upgrade_starts_at_the_schedule_slot_the_planner_may_use_at_that_pass() =>
        Check((scenario, forecast, policies) =>
        {
            foreach (var (cluster, upgrade) in Created(forecast, UpgradePolicyKind.Cluster, UpgradePolicyKind.ControlPlane))
            {
                var created = upgrade.Created!.Value;
                var slot = policies[cluster.Name].Schedule.NextAfter(created.AddMinutes(6));
                slot.ShouldBe(upgrade.Start, $"{cluster.Name} to {upgrade.Version}");
                (upgrade.Start - created).ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(2), $"{cluster.Name} to {upgrade.Version}");
            }
        });

    [Fact]
    public void No_upgrade_is_created_while_a_cluster_sharing_a_mutex_upgrades() =>
        Check((scenario, forecast, policies) =>
        {
            var limited = scenario.Sectors().Where(s => s.MaxParallelUpgrades is not null).Select(s => s.Name).ToHashSet();
            foreach (var (cluster, upgrade) in Created(forecast))
            {
                var policy = policies[cluster.Name];
                if (policy.Sector is { } sector && limited.Contains(sector))
                {
                    // With a sector limit the planner counts upgrades in the sector, not the mutex holders (the reference's rule).
                    continue;
                }

                var created = upgrade.Created!.Value;
                foreach (var other in forecast.Clusters.Where(o => o.OrgId == cluster.OrgId && o.Name != cluster.Name && policies[o.Name].Mutexes.Intersect(policy.Mutexes).Any()))
                {
                    // Within one pass the planner goes cluster by cluster: a holder taken later in the same pass by a
                    // sector-limited cluster (which ignores the others' locks) does not stop this one.
                    var otherLimited = policies[other.Name].Sector is { } otherSector && limited.Contains(otherSector);
                    foreach (var held in other.Upgrades)
                    {
                        var earlier = held.Created is not { } from || from < created || (from == created && !otherLimited);
                        var holds = earlier && created < held.Completion;
                        holds.ShouldBeFalse($"{cluster.Name} to {upgrade.Version} at {created:O} while {other.Name} upgrades to {held.Version} until {held.Completion:O}");
                    }
                }
            }
        });

    [Fact]
    public void A_sector_gets_a_version_only_when_every_cluster_of_the_sector_it_depends_on_runs_it() =>
        Check((scenario, forecast, policies) =>
        {
            foreach (var (cluster, upgrade) in Created(forecast, UpgradePolicyKind.Cluster, UpgradePolicyKind.ControlPlane))
            {
                var policy = policies[cluster.Name];
                if (policy.Sector != new SectorName("s2"))
                {
                    continue;
                }

                var created = upgrade.Created!.Value;
                var target = OpenShiftVersion.Parse(upgrade.Version);
                foreach (var workload in policy.Workloads)
                {
                    var stage = forecast.Clusters.Where(o => o.OrgId == cluster.OrgId && policies[o.Name].Sector == new SectorName("s1") && policies[o.Name].Workloads.Contains(workload));
                    foreach (var dependency in stage)
                    {
                        VersionAt(dependency, created).ShouldBeGreaterThanOrEqualTo(target, $"{cluster.Name} to {target} at {created:O} while {dependency.Name} runs {VersionAt(dependency, created)}");
                    }
                }
            }
        });

    [Fact]
    public void No_version_is_taken_before_it_can_have_soaked_the_policy_s_days() =>
        Check((scenario, forecast, policies) =>
        {
            var inherits = scenario.Policies().Second.InheritVersionData.Any();
            var histories = scenario.Inputs().ToDictionary(i => i.Policy.OrgId, i => i.History);
            foreach (var (cluster, upgrade) in Created(forecast, UpgradePolicyKind.Cluster, UpgradePolicyKind.ControlPlane))
            {
                var policy = policies[cluster.Name];
                var created = upgrade.Created!.Value;
                var sources = cluster.OrgId == "org-b" && inherits ? new[] { "org-b", "org-a" } : [cluster.OrgId];
                foreach (var workload in policy.Workloads)
                {
                    // The most the version can have soaked: what was stored, plus every cluster's time on it since it got there.
                    var most = sources.Sum(o => histories[new OrganizationId(o)].SoakDays(upgrade.Version, workload));
                    foreach (var other in forecast.Clusters.Where(o => sources.Contains(o.OrgId) && policies[o.Name].Workloads.Contains(workload)))
                    {
                        if (ReachedAt(other, upgrade.Version, forecast.Now) is { } reached && reached < created)
                        {
                            most += (created - reached).TotalDays;
                        }
                    }

                    most.ShouldBeGreaterThanOrEqualTo(policy.SoakDays!.Value - 1e-9, $"{cluster.Name} to {upgrade.Version} at {created:O} for {workload}");
                }
            }
        });

    private static void Check(Action<ForecastScenario, Aus.Application.Forecast.Forecast, Dictionary<string, ClusterPolicy>> property) =>
        ForecastScenario.Gen.Sample(
            scenario =>
            {
                var forecast = ForecastEngine.Run(scenario.Request(Horizon));
                var (first, second) = scenario.Policies();
                var policies = first.Clusters.Concat(second.Clusters).ToDictionary(p => p.Name);
                property(scenario, forecast, policies);
            },
            iter: 150);

    private static IEnumerable<(ClusterForecast Cluster, ForecastUpgrade Upgrade)> Created(Aus.Application.Forecast.Forecast forecast, params UpgradePolicyKind[] kinds) =>
        forecast.Clusters.SelectMany(c => c.Upgrades.Where(u => u.Created is not null && (kinds.Length == 0 || kinds.Contains(u.Kind))).Select(u => (c, u)));

    /// <summary>The version a pass at <paramref name="time"/> sees the cluster on.</summary>
    private static OpenShiftVersion VersionAt(ClusterForecast cluster, DateTimeOffset time) =>
        cluster.Upgrades.Where(u => u.Kind != UpgradePolicyKind.NodePool && u.Completion <= time).Select(u => OpenShiftVersion.Parse(u.Version))
            .Aggregate(OpenShiftVersion.Parse(cluster.Version!), (a, b) => b > a ? b : a);

    private static DateTimeOffset? ReachedAt(ClusterForecast cluster, string version, DateTimeOffset start) =>
        cluster.Version == version ? start : cluster.Upgrades.FirstOrDefault(u => u.Kind != UpgradePolicyKind.NodePool && u.Version == version)?.Completion;
}
