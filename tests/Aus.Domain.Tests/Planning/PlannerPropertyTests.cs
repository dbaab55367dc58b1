using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.TestKit;
using CsCheck;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.Planning;

/// <summary>Planner invariants over generated fleets (style.md habit 14).</summary>
public sealed class PlannerPropertyTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly string[] Versions = ["4.16.0", "4.16.1", "4.16.2", "4.16.3", "4.17.0-rc.1", "4.17.0", "4.17.1", "4.18.0"];
    private static readonly string?[] Limits = [null, null, "1", "2", "50%", "33%", "100%"];
    private static readonly string[] Schedules = ["* * * * *", "0 13 * * *", "0 0 1 1 *", "30 12 * * *"];
    private static readonly string[][] ClusterBlocked = [[], [], ["4\\.16\\.3"], ["^4\\.17"], [".*"]];
    private static readonly string[][] OrgBlocked = [[], ["-rc"], ["4\\.16\\.2"]];
    private static readonly string[][] WorkloadSets = [["w1"], ["w2"], ["w1", "w2"]];
    private static readonly string[][] MutexSets = [[], ["m1"], ["m2"], ["m1", "m2"]];

    /// <summary>A fleet scenario: raw numbers per cluster and for the organization, turned into domain objects below.</summary>
    private static readonly Gen<Scenario> Scenarios = Gen.Select(
        Gen.Int[0, 1000].Array[13].Array[1, 9],
        Gen.Int[0, 1000].Array[6],
        (clusters, organization) => new Scenario(clusters, organization));

    private sealed record Scenario(int[][] ClusterNumbers, int[] OrgNumbers)
    {
        public override string ToString() =>
            $"clusters: [{string.Join("; ", ClusterNumbers.Select(c => string.Join(",", c)))}], org: [{string.Join(",", OrgNumbers)}]";

        public OrganizationPolicy Organization()
        {
            var sectors = new[]
            {
                Sector("s1", Limits[OrgNumbers[0] % Limits.Length]),
                Sector("s2", Limits[OrgNumbers[1] % Limits.Length], "s1"),
                Sector("s3", Limits[OrgNumbers[2] % Limits.Length], "s2"),
            };
            var policies = ClusterNumbers.Select((a, i) => Policy(
                Name(i),
                soakDays: a[4] % 5 == 4 ? null : a[4] % 5,
                schedule: Schedules[a[9] % Schedules.Length],
                workloads: WorkloadSets[a[8] % WorkloadSets.Length],
                mutexes: MutexSets[a[2] % MutexSets.Length],
                sector: a[3] % 4 == 0 ? null : $"s{a[3] % 4}",
                blocked: ClusterBlocked[a[10] % ClusterBlocked.Length]));
            return Build.Organization("org", policies, sectors, OrgBlocked[OrgNumbers[3] % OrgBlocked.Length]);
        }

        public ImmutableArray<OcmCluster> Fleet() => [.. ClusterNumbers.Select(Cluster)];

        public ImmutableArray<VersionGate> Gates() => (OrgNumbers[5] % 3) switch
        {
            0 => [],
            1 => [Gate("g417", "4.17")],
            _ => [Gate("g417", "4.17"), Gate("g418", "4.18", VersionGate.StsLabel)],
        };

        public VersionHistory History()
        {
            var seed = OrgNumbers[4];
            var entries = Versions.SelectMany((v, i) => new[] { "w1", "w2" }.Select((w, j) => (v, w, (double)((seed * (i + 1) * (j + 3)) % 5), Array.Empty<string>())));
            return Build.History(Now.AddHours(-1), [.. entries]);
        }

        /// <summary>The fleet in another order, given by each cluster's last number.</summary>
        public ImmutableArray<OcmCluster> ShuffledFleet() =>
            [.. ClusterNumbers.Select((a, i) => (Key: a[12], Cluster: Cluster(a, i))).OrderBy(c => c.Key).Select(c => c.Cluster)];

        private static string Name(int i) => $"c{i}";

        private static OcmCluster Cluster(int[] a, int i)
        {
            var versionIndex = a[0] % 6;
            var available = Versions.Where((_, j) => j > versionIndex && ((a[1] >> j) & 1) == 1).ToArray();
            var cluster = Build.Cluster(Name(i), Versions[versionIndex], available) with
            {
                AvailableChannels = a[11] % 2 == 0 ? [] : [new ChannelName("stable-4.17"), new ChannelName("stable-4.18")],
                GateAgreements = a[11] % 3 == 1 ? ["g417"] : [],
                StsEnabled = a[11] % 3 == 2,
            };
            if (a[6] % 5 == 0)
            {
                cluster = cluster with
                {
                    Product = "rosa",
                    Hypershift = true,
                    NodePools = [new NodePool("workers", V(Versions[a[7] % (versionIndex + 1)]))],
                };
            }

            if (a[5] % 8 == 0)
            {
                cluster = cluster with { UpgradePolicies = [ExistingPolicy(available.FirstOrDefault() ?? Versions[versionIndex])] };
            }

            return cluster;
        }
    }

    private static OrganizationPlan Plan(Scenario scenario, IEnumerable<OcmCluster>? fleet = null, VersionHistory? history = null) =>
        PlanOne(scenario.Organization(), fleet ?? scenario.Fleet(), Now, history ?? scenario.History(), scenario.Gates());

    [Fact]
    public void SharedMutexes_AreTakenOnlyAsCapacityAllows()
    {
        Scenarios.Sample(scenario =>
        {
            var organization = scenario.Organization();
            var fleet = scenario.Fleet();
            var plan = Plan(scenario);
            var policies = organization.Clusters.ToDictionary(c => c.Name);
            var clusters = fleet.ToDictionary(c => c.Name);
            var sectors = organization.Sectors.ToDictionary(s => s.Name);
            ImmutableArray<MutexName> Mutexes(string name) => [.. policies[name].Mutexes.Append(new MutexName(clusters[name].Id.Value)).Distinct()];

            // Who holds each mutex: first the clusters with a policy in OCM, then each new upgrade in plan order.
            var holders = new List<string>(fleet.Where(c => !c.UpgradePolicies.IsEmpty).Select(c => c.Name));
            var created = plan.Actions.OfType<CreateUpgradePolicy>().ToList();
            foreach (var decision in plan.Clusters.Where(d => created.Any(a => a.Cluster == d.Name)))
            {
                var name = decision.Name;
                var sector = policies[name].Sector is { } s ? sectors[s] : null;
                if (sector?.MaxParallelUpgrades is not { } limit)
                {
                    foreach (var mutex in Mutexes(name))
                    {
                        var holder = holders.FirstOrDefault(h => Mutexes(h).Contains(mutex));
                        holder.ShouldBeNull($"{name} took {mutex} while {holder} held it");
                    }
                }
                else
                {
                    var counts = Mutexes(name).ToDictionary(
                        m => m,
                        m => holders.Distinct().Count(h => policies[h].Sector == sector.Name && Mutexes(h).Contains(m)));
                    if (counts.Values.Sum() > 0)
                    {
                        foreach (var (mutex, count) in counts)
                        {
                            var members = policies.Values.Count(p => p.Sector == sector.Name && Mutexes(p.Name).Contains(mutex));
                            count.ShouldBeLessThan(limit.MaxFor(members), $"{name} exceeded {sector.Name}'s limit on {mutex}");
                        }
                    }
                }

                holders.Add(name);
            }
        }, iter: 400, print: s => s.ToString());
    }

    [Fact]
    public void TargetsAreAlwaysAvailable_AndNeverBlocked()
    {
        Scenarios.Sample(scenario =>
        {
            var organization = scenario.Organization();
            var plan = Plan(scenario);
            foreach (var action in plan.Actions.OfType<CreateUpgradePolicy>())
            {
                var policy = organization.Clusters.Single(c => c.Name == action.Cluster);
                var spec = new UpgradeSpec(organization, policy, scenario.Fleet().Single(c => c.Name == action.Cluster));
                spec.AvailableUpgrades.ShouldContain(action.Version);
                if (action.Kind == UpgradePolicyKind.NodePool)
                {
                    action.Version.ShouldBe(spec.CurrentVersion);
                }
                else
                {
                    spec.BlockingPattern(action.Version).ShouldBeNull();
                    action.Version.ShouldBeGreaterThan(spec.CurrentVersion);
                }
            }

            foreach (var decision in plan.Clusters.Where(d => d.Decision == Decision.Upgrade))
            {
                plan.Actions.OfType<CreateUpgradePolicy>().Count(a => a.Cluster == decision.Name).ShouldBe(1);
            }
        }, iter: 400, print: s => s.ToString());
    }

    /// <summary>
    /// A plan evaluates candidates only as far as the decision needs and shares them between
    /// clusters; an explanation evaluates the cluster's afresh and completely. Both must agree.
    /// </summary>
    [Fact]
    public void ExplainingACluster_ChangesNoDecision_AndItsCompleteCandidatesAgreeWithIt()
    {
        Reason[] conditionReasons = [Reason.Soaking, Reason.SectorDependency, Reason.InheritedVersionData];
        Scenarios.Sample(scenario =>
        {
            var organization = scenario.Organization();
            var request = new PlanRequest(
                [new OrganizationInput { Policy = organization, History = scenario.History() }],
                Build.Fleet(organization.OrgId.Value, scenario.Fleet(), scenario.Gates()),
                Now);
            var plain = PlanText.Of(FleetPlanner.Plan(request).Organizations.Single());
            foreach (var cluster in organization.Clusters)
            {
                var explained = FleetPlanner.Plan(request with { ExplainCluster = cluster.Name });
                PlanText.Of(explained.Organizations.Single()).ShouldBe(plain);

                var explanation = explained.Explanation.ShouldNotBeNull();
                var decision = explanation.Decision;
                var chosen = explanation.Candidates.FirstOrDefault(c => c.IsUpgradeable);
                if (decision.Reason == Reason.Scheduled)
                {
                    chosen.ShouldNotBeNull().Version.ToString().ShouldBe(decision.TargetVersion);
                }

                if (conditionReasons.Contains(decision.Reason))
                {
                    chosen.ShouldBeNull();
                    var failure = explanation.Candidates.First(c => !c.IsBlocked).FirstFailure.ShouldNotBeNull();
                    failure.FailureReason.ShouldBe(decision.Reason);
                    decision.Detail.ShouldStartWith(failure.Detail);
                }

                foreach (var candidate in explanation.Candidates.Where(c => !c.IsBlocked && cluster.SoakDays is not null))
                {
                    // Complete: the soak of every workload is there, whatever failed before it.
                    candidate.Conditions.Count(c => c.FailureReason == Reason.Soaking).ShouldBe(cluster.Workloads.Length);
                }
            }
        }, iter: 100, print: s => s.ToString());
    }

    [Fact]
    public void ThePlanIsDeterministic_AndIndependentOfFleetOrder()
    {
        Scenarios.Sample(scenario =>
        {
            var first = PlanText.Of(Plan(scenario));

            PlanText.Of(Plan(scenario)).ShouldBe(first);
            PlanText.Of(Plan(scenario, scenario.ShuffledFleet())).ShouldBe(first);
        }, iter: 300, print: s => s.ToString());
    }

    [Fact]
    public void PlanningAgainAfterApplying_AddsNothingForTheUpgradedClusters()
    {
        Scenarios.Sample(scenario =>
        {
            var organization = scenario.Organization();
            var plan = Plan(scenario);
            var created = plan.Actions.OfType<CreateUpgradePolicy>().ToList();
            var agreed = plan.Actions.OfType<AgreeVersionGate>().ToList();
            var applied = scenario.Fleet().Select(c => c with
            {
                UpgradePolicies = c.UpgradePolicies.AddRange(created.Where(a => a.Cluster == c.Name).Select(a => new ExistingUpgradePolicy
                {
                    Id = $"new-{a.Cluster}",
                    Version = a.Version.ToString(),
                    Kind = a.Kind,
                    NodePoolId = a.NodePool,
                    NextRun = a.NextRun,
                    State = UpgradePolicyState.Scheduled,
                })),
                GateAgreements = c.GateAgreements.AddRange(agreed.Where(a => a.Cluster == c.Name).Select(a => a.Gate)),
            }).ToList();

            var again = Plan(scenario, applied, plan.History);

            foreach (var name in created.Select(a => a.Cluster).Where(n => !HitsTheNodePoolQuirk(organization, applied.Single(c => c.Name == n))))
            {
                again.Actions.ShouldNotContain(a => a.Cluster == name, $"{name} got a second action");
                again.Decision(name).Reason.ShouldBe(Reason.UpgradeInProgress);
            }
        }, iter: 400, print: s => s.ToString());
    }

    /// <summary>
    /// reference-behaviour.md 11.4 quirk: in a sector whose maxParallelUpgrades is a count of 2 or
    /// more, a hosted control plane with a lagging pool gets another node-pool policy.
    /// </summary>
    private static bool HitsTheNodePoolQuirk(OrganizationPolicy organization, OcmCluster cluster)
    {
        var sector = organization.Clusters.Single(c => c.Name == cluster.Name).Sector;
        var limit = organization.Sectors.SingleOrDefault(s => s.Name == sector)?.MaxParallelUpgrades;
        return cluster.IsHostedControlPlane
            && cluster.NodePools.Any(p => p.Version < cluster.Version)
            && limit is { IsPercent: false, Value: >= 2 };
    }
}
