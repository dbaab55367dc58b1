using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using Aus.Domain.Versions;

namespace Aus.TestKit;

/// <summary>Terse builders for tests: each sets sensible defaults so a test states only what it checks.</summary>
public static class Build
{
    public static OpenShiftVersion V(string text) => OpenShiftVersion.Parse(text);

    public static ClusterPolicy Policy(
        string name,
        int? soakDays = 0,
        string schedule = "* * * * *",
        string[]? workloads = null,
        string[]? mutexes = null,
        string? sector = null,
        string[]? blocked = null,
        string[]? gateApprovals = null) => new()
    {
        Name = name,
        Workloads = [.. (workloads ?? ["wl"]).Select(w => new Workload(w))],
        Schedule = CronSchedule.Parse(schedule),
        SoakDays = soakDays,
        Mutexes = [.. (mutexes ?? []).Select(m => new MutexName(m))],
        Sector = sector is null ? null : new SectorName(sector),
        BlockedVersions = [.. (blocked ?? []).Select(VersionPattern.Create)],
        VersionGateApprovals = [.. gateApprovals ?? []],
    };

    public static Sector Sector(string name, string? maxParallel = null, params string[] dependencies) => new()
    {
        Name = new SectorName(name),
        MaxParallelUpgrades = maxParallel is null ? null : ParallelLimit.TryParse(maxParallel, out var limit) ? limit : throw new ArgumentException(maxParallel),
        Dependencies = [.. dependencies.Select(d => new SectorName(d))],
    };

    public static OrganizationPolicy Organization(string orgId, IEnumerable<ClusterPolicy> clusters, IEnumerable<Sector>? sectors = null, string[]? blocked = null) => new()
    {
        Name = orgId,
        OrgId = orgId,
        Clusters = [.. clusters],
        Sectors = [.. sectors ?? []],
        BlockedVersions = [.. (blocked ?? []).Select(VersionPattern.Create)],
    };

    public static OcmCluster Cluster(string name, string version, params string[] availableUpgrades) => new()
    {
        Name = name,
        Id = new ClusterId($"id-{name}"),
        ExternalId = $"uuid-{name}",
        Channel = $"stable-{V(version).MinorVersion}",
        Version = V(version),
        AvailableUpgrades = [.. availableUpgrades.Select(V)],
    };

    public static ExistingUpgradePolicy ExistingPolicy(string version, UpgradePolicyState state = UpgradePolicyState.Scheduled, DateTimeOffset? nextRun = null) => new()
    {
        Id = $"policy-{version}",
        Version = version,
        State = state,
        NextRun = nextRun,
    };

    public static VersionHistory History(DateTimeOffset? checkIn, params (string Version, string Workload, double SoakDays, string[] Reporting)[] entries)
    {
        var versions = entries
            .GroupBy(e => e.Version)
            .ToImmutableSortedDictionary(
                g => g.Key,
                g => g.ToImmutableSortedDictionary(e => new Workload(e.Workload), e => new WorkloadSoak(e.SoakDays, [.. e.Reporting])),
                StringComparer.Ordinal);
        return new VersionHistory { CheckIn = checkIn, Versions = versions };
    }

    public static FleetSnapshot Fleet(string orgId, IEnumerable<OcmCluster> clusters, IEnumerable<VersionGate>? gates = null) =>
        new([.. gates ?? []], [new FleetOrganization(orgId, [.. clusters])]);

    /// <summary>Plans one organization and returns its plan.</summary>
    public static OrganizationPlan PlanOne(OrganizationPolicy organization, IEnumerable<OcmCluster> clusters, DateTimeOffset now, VersionHistory? history = null, IEnumerable<VersionGate>? gates = null)
    {
        var input = new OrganizationInput { Policy = organization, History = history ?? VersionHistory.Empty };
        var plan = FleetPlanner.Plan(new PlanRequest([input], Fleet(organization.OrgId, clusters, gates), now));
        return plan.Organizations.Single();
    }

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
