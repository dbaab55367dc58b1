using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using Aus.Domain.Versions;

namespace Aus.Benchmarks;

/// <summary>
/// A realistic synthetic fleet: organizations of 100 clusters with 3 workloads, stage/prod sectors,
/// prod mutexes, 10 available upgrades each and a soak history. Deterministic for a given size.
/// </summary>
public static class SyntheticFleet
{
    private static readonly string[] Workloads = ["api", "ingest", "web"];
    private static readonly string[] Schedules = ["0 * * * *", "0 13 * * 1-5", "*/30 * * * *", "0 20 * * *"];

    public static PlanRequest Create(int clusters, int clustersPerOrganization, DateTimeOffset now)
    {
        var random = new Random(clusters);
        var versions = Enumerable.Range(0, 30).Select(z => OpenShiftVersion.Parse($"4.16.{z}")).ToArray();
        var sectors = ImmutableArray.Create(
            new Sector { Name = new SectorName("stage") },
            new Sector { Name = new SectorName("prod-blue"), Dependencies = [new SectorName("stage")], MaxParallelUpgrades = new ParallelLimit(50, true) },
            new Sector { Name = new SectorName("prod-green"), Dependencies = [new SectorName("prod-blue")] });
        var schedules = Schedules.Select(CronSchedule.Parse).ToArray();
        var inputs = ImmutableArray.CreateBuilder<OrganizationInput>();
        var organizations = ImmutableArray.CreateBuilder<FleetOrganization>();
        for (var org = 0; org * clustersPerOrganization < clusters; org++)
        {
            var orgId = $"org-{org:D6}";
            var policies = ImmutableArray.CreateBuilder<ClusterPolicy>();
            var ocm = ImmutableArray.CreateBuilder<OcmCluster>();
            var count = Math.Min(clustersPerOrganization, clusters - (org * clustersPerOrganization));
            for (var i = 0; i < count; i++)
            {
                var name = $"c-{org:D6}-{i:D4}";
                var sector = sectors[i % 3];
                var current = 5 + random.Next(15);
                policies.Add(new ClusterPolicy
                {
                    Name = name,
                    Workloads = [new Workload(Workloads[i % 3])],
                    Schedule = schedules[i % schedules.Length],
                    SoakDays = sector.Name.Value == "stage" ? 0 : 7,
                    Sector = sector.Name,
                    Mutexes = sector.Name.Value == "stage" ? [] : [new MutexName($"{sector.Name}-{i % 4}")],
                });
                ocm.Add(new OcmCluster
                {
                    Name = name,
                    Id = new ClusterId($"id-{name}"),
                    ExternalId = $"uuid-{name}",
                    Channel = "stable-4.16",
                    Version = versions[current],
                    AvailableUpgrades = [.. versions.Skip(current + 1).Take(10)],
                });
            }

            var history = new VersionHistory
            {
                CheckIn = now.AddHours(-1),
                Versions = versions.ToImmutableSortedDictionary(
                    v => v.ToString(),
                    v => Workloads.ToImmutableSortedDictionary(w => new Workload(w), _ => new WorkloadSoak(random.NextDouble() * 20, ["c-1"])),
                    StringComparer.Ordinal),
            };
            inputs.Add(new OrganizationInput
            {
                Policy = new OrganizationPolicy
                {
                    Name = orgId,
                    OrgId = orgId,
                    Sectors = sectors,
                    BlockedVersions = [VersionPattern.Create(@"^.*-rc\..*$"), VersionPattern.Create(@"^4\.16\.13$")],
                    AllowedWorkloads = [.. Workloads.Select(w => new Workload(w))],
                    Clusters = policies.ToImmutable(),
                },
                History = history,
            });
            organizations.Add(new FleetOrganization(orgId, ocm.ToImmutable()));
        }

        return new PlanRequest(inputs.ToImmutable(), new FleetSnapshot([], organizations.ToImmutable()), now);
    }
}
