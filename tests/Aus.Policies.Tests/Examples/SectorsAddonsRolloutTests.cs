using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Policies.Fleet;
using Aus.Policies.Organizations;
using Aus.TestKit;

namespace Aus.Policies.Tests.Examples;

/// <summary>
/// examples/sectors-addons-org.yaml and sectors-addons-fleet.yaml rolled over simulated days: a
/// pass every hour at :55 (5 minutes before the "0 * * * *" slot, inside the add-on window), each
/// pass's add-on actions applied, and an add-on upgrade finishing 30 minutes after its policy's
/// next run, its policy then completed until aus deletes it.
/// </summary>
public sealed class SectorsAddonsRolloutTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T11:55:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan UpgradeTakes = TimeSpan.FromMinutes(30);
    private static readonly Workload Service = new("my-service");

    private static readonly string[] Stage = ["stage-1", "stage-2"];
    private static readonly string[] ProdBlue = ["prod-1", "prod-2"];
    private static readonly string[] ProdGreen = ["prod-3", "prod-4"];

    [Fact]
    public void EachAddon_GoesToStageFirst_ThenToProdAfterSoaking_OneClusterOfAMutexAtATime()
    {
        var rollout = Rollout.Run(days: 20);

        foreach (var addon in new[] { "addon-logging", "addon-metrics" })
        {
            var creates = rollout.Creates.Where(c => c.Addon == addon).ToList();
            var lastStage = creates.Where(c => Stage.Contains(c.Cluster)).Max(c => c.At);
            var firstProd = creates.Where(c => !Stage.Contains(c.Cluster)).Min(c => c.At);
            lastStage.ShouldBeLessThan(firstProd, $"{addon}: stage first");
            creates.Where(c => Stage.Contains(c.Cluster)).ShouldAllBe(c => c.At == Start);

            // Prod waits until the add-on version has soaked 7 cluster-days in the add-on's own history.
            creates.Where(c => !Stage.Contains(c.Cluster)).ShouldAllBe(c => c.SoakDaysAtCreation >= 7);
            (firstProd - Start).ShouldBeGreaterThan(TimeSpan.FromDays(3), $"{addon}: two stage clusters need 3.5 days for 7 cluster-days");

            // prod-green depends on prod-blue: it starts once both blue clusters run the version
            // (seen by the pass that first finds the second one done, at the earliest).
            var lastBlueDone = rollout.Completions.Where(c => c.Addon == addon && ProdBlue.Contains(c.Cluster)).Max(c => c.At);
            creates.Where(c => ProdGreen.Contains(c.Cluster)).ShouldAllBe(c => c.At >= lastBlueDone);
        }

        rollout.MaxInFlightPerMutex.ShouldBe(1);
    }

    [Fact]
    public void TwoAddonsOfOneCluster_UpgradeInTheSamePass()
    {
        var rollout = Rollout.Run(days: 1);

        rollout.Creates.Where(c => c.At == Start).Select(c => (c.Cluster, c.Addon)).ShouldBe(
            [("stage-1", "addon-logging"), ("stage-2", "addon-logging"), ("stage-1", "addon-metrics"), ("stage-2", "addon-metrics")],
            ignoreOrder: true);
    }

    [Fact]
    public void AfterTheRollout_EveryReadyAddonRunsTheCatalogVersion_AndNoPolicyIsLeft()
    {
        var rollout = Rollout.Run(days: 20);

        foreach (var cluster in rollout.Clusters)
        {
            foreach (var addon in cluster.Addons)
            {
                // prod-4's addon-metrics is still installing: aus leaves it alone.
                addon.Version.ShouldBe(addon.IsReady ? rollout.Latest[addon.Id] : "1.4.0", $"{cluster.Name}/{addon.Id}");
            }

            cluster.AddonUpgradePolicies.ShouldBeEmpty(cluster.Name);
        }
    }

    [Fact]
    public void EveryCompletedPolicy_IsDeletedByTheFirstPassThatSeesItCompleted()
    {
        var rollout = Rollout.Run(days: 20);

        rollout.Deletes.ShouldBe(rollout.Completions, ignoreOrder: true);
        rollout.Deletes.Count.ShouldBe(rollout.Creates.Count);
    }

    private sealed record Created(DateTimeOffset At, string Cluster, string Addon, string Version, double SoakDaysAtCreation);

    /// <summary>Something seen or done for a cluster's add-on, at the time of the pass.</summary>
    private sealed record Event(DateTimeOffset At, string Cluster, string Addon);

    private sealed class Rollout
    {
        public List<Created> Creates { get; } = [];

        public List<Event> Completions { get; } = [];

        public List<Event> Deletes { get; } = [];

        public int MaxInFlightPerMutex { get; private set; }

        public List<OcmCluster> Clusters { get; private set; } = [];

        public ImmutableDictionary<string, string> Latest { get; private set; } = ImmutableDictionary<string, string>.Empty;

        public static Rollout Run(int days)
        {
            var organization = OrganizationReader.Read(File.ReadAllText(RepositoryPaths.Example("sectors-addons-org.yaml")), "sectors-addons-org.yaml");
            var fleet = FleetReader.Read(File.ReadAllText(RepositoryPaths.Example("sectors-addons-fleet.yaml")), "sectors-addons-fleet.yaml");
            organization.Diagnostics.ShouldBeEmpty();
            fleet.Diagnostics.ShouldBeEmpty();
            var policy = organization.Policy!;
            var rollout = new Rollout
            {
                Clusters = [.. fleet.Snapshot!.Find(policy.OrgId)!.Clusters],
                Latest = fleet.Snapshot.AddonVersions,
            };

            var histories = ImmutableDictionary<string, VersionHistory>.Empty;
            var history = VersionHistory.Empty;
            for (var now = Start; now < Start.AddDays(days); now = now.AddHours(1))
            {
                rollout.Progress(now);
                var snapshot = fleet.Snapshot with { Organizations = [new FleetOrganization(policy.OrgId, [.. rollout.Clusters])] };
                var input = new OrganizationInput { Policy = policy, History = history, AddonHistories = histories };
                var plan = FleetPlanner.Plan(new PlanRequest([input], snapshot, now)).Organizations.Single();
                plan.Errors.ShouldBeEmpty();
                history = plan.History!;
                histories = plan.AddonHistories;
                rollout.Apply(plan, now);
                rollout.CheckMutexes(policy);
            }

            return rollout;
        }

        /// <summary>
        /// What OCM does between passes: a policy past its next run starts, and 30 minutes later it
        /// is done (recorded at the time of the pass that sees it).
        /// </summary>
        private void Progress(DateTimeOffset now)
        {
            Clusters = [.. Clusters.Select(cluster =>
            {
                var addons = cluster.Addons;
                var policies = cluster.AddonUpgradePolicies.Select(p =>
                {
                    if (p.State != UpgradePolicyState.Completed && p.NextRun + UpgradeTakes <= now)
                    {
                        addons = [.. addons.Select(a => a.Id == p.AddonId ? a with { Version = p.Version } : a)];
                        Completions.Add(new Event(now, cluster.Name, p.AddonId!));
                        return p with { State = UpgradePolicyState.Completed };
                    }

                    return p.NextRun <= now ? p with { State = UpgradePolicyState.Started } : p;
                }).ToImmutableArray();
                return cluster with { Addons = addons, AddonUpgradePolicies = policies };
            })];
        }

        private void Apply(OrganizationPlan plan, DateTimeOffset now)
        {
            foreach (var action in plan.Actions)
            {
                var index = Clusters.FindIndex(c => c.Name == action.Cluster);
                var cluster = Clusters[index];
                switch (action)
                {
                    case DeleteUpgradePolicy delete:
                        Deletes.Add(new Event(now, delete.Cluster, delete.Addon!));
                        Clusters[index] = cluster with { AddonUpgradePolicies = cluster.AddonUpgradePolicies.RemoveAll(p => p.Id == delete.PolicyId) };
                        break;
                    case CreateUpgradePolicy { Kind: UpgradePolicyKind.Addon } create:
                        var version = create.Version.ToString();
                        var soaked = plan.AddonHistories[create.Addon!].SoakDays(version, Service);
                        Creates.Add(new Created(now, create.Cluster, create.Addon!, version, soaked));
                        var created = new ExistingUpgradePolicy
                        {
                            Id = $"{create.Cluster}-{create.Addon}-{Creates.Count}",
                            Version = version,
                            Kind = UpgradePolicyKind.Addon,
                            AddonId = create.Addon,
                            NextRun = create.NextRun,
                            State = UpgradePolicyState.Scheduled,
                        };
                        Clusters[index] = cluster with { AddonUpgradePolicies = cluster.AddonUpgradePolicies.Add(created) };
                        break;
                }
            }
        }

        /// <summary>Per add-on, the clusters sharing a mutex that have a policy not yet completed.</summary>
        private void CheckMutexes(OrganizationPolicy policy)
        {
            foreach (var mutex in policy.AllowedMutexes)
            {
                var members = policy.Clusters.Where(c => c.Mutexes.Contains(mutex)).Select(c => c.Name).ToHashSet();
                foreach (var addon in Latest.Keys)
                {
                    var inFlight = Clusters.Count(c => members.Contains(c.Name)
                        && c.AddonUpgradePolicies.Any(p => p.AddonId == addon && p.State != UpgradePolicyState.Completed));
                    MaxInFlightPerMutex = Math.Max(MaxInFlightPerMutex, inFlight);
                }
            }
        }
    }
}
