using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using Aus.Domain.Versions;

namespace Aus.Benchmarks;

/// <summary>
/// A realistic synthetic fleet, deterministic for a given shape. Every organization has three
/// workloads, stage/prod-blue/prod-green sectors (prod-blue with a parallel limit), prod mutexes,
/// four schedules, two organization-wide blocked versions and a few cluster-level ones. Clusters
/// crowd on the newest versions, as real fleets do, each is offered 10 upgrades, one in fifty has
/// an upgrade in progress, and the soak history already lists every cluster as reporting its
/// version (the steady state after earlier passes). Organizations come in groups of ten: the first
/// publishes its version data and the other nine inherit it.
/// </summary>
public static class SyntheticFleet
{
    public const int VersionCount = 30;

    private static readonly string[] Workloads = ["api", "ingest", "web"];
    private static readonly string[] Schedules = ["0 * * * *", "0 13 * * 1-5", "*/30 * * * *", "0 20 * * *"];

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static PlanRequest Create(int clusters, int clustersPerOrganization) =>
        Build(clusters, clustersPerOrganization).ToRequest();

    /// <summary>The fleet as the plain shapes the files describe, for the in-memory planner or for writing files.</summary>
    public static Fleet Build(int clusters, int clustersPerOrganization)
    {
        var random = new Random(clusters ^ clustersPerOrganization);
        var versions = Enumerable.Range(0, VersionCount).Select(z => OpenShiftVersion.Parse($"4.16.{z}")).ToArray();
        var sectors = ImmutableArray.Create(
            new Sector { Name = new SectorName("stage") },
            new Sector { Name = new SectorName("prod-blue"), Dependencies = [new SectorName("stage")], MaxParallelUpgrades = new ParallelLimit(10, true) },
            new Sector { Name = new SectorName("prod-green"), Dependencies = [new SectorName("prod-blue")] });
        var schedules = Schedules.Select(CronSchedule.Parse).ToArray();
        var organizationCount = (clusters + clustersPerOrganization - 1) / clustersPerOrganization;
        var organizations = ImmutableArray.CreateBuilder<SyntheticOrganization>(organizationCount);
        for (var org = 0; org < organizationCount; org++)
        {
            var orgId = $"org-{org:D6}";
            var publisher = org - (org % 10);
            var policies = ImmutableArray.CreateBuilder<ClusterPolicy>();
            var ocm = ImmutableArray.CreateBuilder<OcmCluster>();
            var reporting = new Dictionary<(int Version, string Workload), List<string>>();
            var count = Math.Min(clustersPerOrganization, clusters - (org * clustersPerOrganization));
            for (var i = 0; i < count; i++)
            {
                var name = $"c-{org:D6}-{i:D5}";
                var sector = sectors[i % 3];
                var stage = sector.Name.Value == "stage";

                // Skewed towards the newest versions: about half the clusters run one of the top two.
                var current = 19 - (random.Next(5) * random.Next(5) / 2);
                // Every sector runs every workload; one cluster in five runs two.
                var first = (i / 3) % 3;
                Workload[] workloads = i % 5 == 0
                    ? [new Workload(Workloads[first]), new Workload(Workloads[(first + 1) % 3])]
                    : [new Workload(Workloads[first])];
                foreach (var workload in workloads)
                {
                    if (!reporting.TryGetValue((current, workload.Value), out var names))
                    {
                        names = [];
                        reporting[(current, workload.Value)] = names;
                    }

                    names.Add(name);
                }

                policies.Add(new ClusterPolicy
                {
                    Name = name,
                    Workloads = [.. workloads],
                    Schedule = schedules[i % schedules.Length],
                    SoakDays = stage ? 0 : 7,
                    Sector = sector.Name,
                    Mutexes = stage ? [] : [new MutexName($"{sector.Name}-{i % 4}")],
                    BlockedVersions = i % 10 == 7 ? [VersionPattern.Create($@"^4\.16\.{20 + (i % 3)}$")] : [],
                });
                ocm.Add(new OcmCluster
                {
                    Name = name,
                    Id = new ClusterId($"id-{name}"),
                    ExternalId = $"uuid-{name}",
                    Channel = new ChannelName("stable-4.16"),
                    Version = versions[current],
                    AvailableUpgrades = [.. versions.Skip(current + 1).Take(10)],
                    AvailableChannels = [new ChannelName("stable-4.16"), new ChannelName("fast-4.16"), new ChannelName("candidate-4.16")],
                    UpgradePolicies = i % 50 == 3
                        ? [new ExistingUpgradePolicy { Id = $"p-{name}", Version = versions[current + 1].ToString(), NextRun = Now.AddHours(1), State = UpgradePolicyState.Scheduled }]
                        : [],
                });
            }

            var history = new VersionHistory
            {
                CheckIn = Now.AddHours(-1),
                Versions = versions.Take(22).Select((v, index) => (v, index)).ToImmutableSortedDictionary(
                    p => p.v.ToString(),
                    p => Workloads.ToImmutableSortedDictionary(
                        w => new Workload(w),
                        w => new WorkloadSoak(random.NextDouble() * 20, reporting.TryGetValue((p.index, w), out var names) ? [.. names] : [])),
                    StringComparer.Ordinal),
            };
            var policy = new OrganizationPolicy
            {
                Name = orgId,
                OrgId = new OrganizationId(orgId),
                Sectors = sectors,
                BlockedVersions = [VersionPattern.Create(@"^.*-rc\..*$"), VersionPattern.Create(@"^4\.16\.13$")],
                AllowedWorkloads = [.. Workloads.Select(w => new Workload(w))],
                AllowedMutexes = [.. sectors.Skip(1).SelectMany(s => Enumerable.Range(0, 4).Select(m => new MutexName($"{s.Name}-{m}")))],
                PublishVersionData = org == publisher
                    ? [.. Enumerable.Range(publisher + 1, 9).Where(o => o < organizationCount).Select(o => new OrganizationId($"org-{o:D6}"))]
                    : [],
                InheritVersionData = org == publisher ? [] : [new InheritedOrganization(new OrganizationId($"org-{publisher:D6}"), null)],
                Clusters = policies.ToImmutable(),
            };
            organizations.Add(new SyntheticOrganization(policy, history, ocm.ToImmutable()));
        }

        return new Fleet(organizations.MoveToImmutable());
    }

    /// <summary>A synthetic organization: its policy, its stored history and what OCM reports of it.</summary>
    public sealed record SyntheticOrganization(OrganizationPolicy Policy, VersionHistory History, ImmutableArray<OcmCluster> Clusters);

    /// <summary>A synthetic fleet.</summary>
    public sealed record Fleet(ImmutableArray<SyntheticOrganization> Organizations)
    {
        public int ClusterCount => Organizations.Sum(o => o.Clusters.Length);

        public PlanRequest ToRequest() => new(
            [.. Organizations.Select(o => new OrganizationInput { Policy = o.Policy, History = o.History })],
            new FleetSnapshot([], [.. Organizations.Select(o => new FleetOrganization(o.Policy.OrgId, o.Clusters))]),
            Now);
    }
}
