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
        OrgId = new OrganizationId(orgId),
        Clusters = [.. clusters],
        Sectors = [.. sectors ?? []],
        BlockedVersions = [.. (blocked ?? []).Select(VersionPattern.Create)],
    };

    public static OcmCluster Cluster(string name, string version, params string[] availableUpgrades) => new()
    {
        Name = name,
        Id = new ClusterId($"id-{name}"),
        ExternalId = $"uuid-{name}",
        Channel = new ChannelName($"stable-{V(version).MinorVersion}"),
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
        new([.. gates ?? []], [new FleetOrganization(new OrganizationId(orgId), [.. clusters])]);

    /// <summary>Plans one organization and returns its plan.</summary>
    public static OrganizationPlan PlanOne(OrganizationPolicy organization, IEnumerable<OcmCluster> clusters, DateTimeOffset now, VersionHistory? history = null, IEnumerable<VersionGate>? gates = null)
    {
        var input = new OrganizationInput { Policy = organization, History = history ?? VersionHistory.Empty };
        var plan = FleetPlanner.Plan(new PlanRequest([input], Fleet(organization.OrgId.Value, clusters, gates), now));
        return plan.Organizations.Single();
    }

    /// <summary>A ROSA hosted control plane cluster with node pools given as (id, version).</summary>
    public static OcmCluster Hcp(string name, string version, string[] availableUpgrades, params (string Id, string Version)[] pools) =>
        Cluster(name, version, availableUpgrades) with
        {
            Product = "rosa",
            Hypershift = true,
            NodePools = [.. pools.Select(p => new NodePool(p.Id, V(p.Version)))],
        };

    public static VersionGate Gate(string id, string prefix, string label = VersionGate.OcpLabel) =>
        new(id, MinorVersion.TryParse(prefix, out var minor) ? minor.Value : throw new ArgumentException(prefix), label, StsOnly: label == VersionGate.StsLabel);

    public static OrganizationInput Input(OrganizationPolicy organization, VersionHistory? history = null, IEnumerable<OrganizationMessage>? errors = null) => new()
    {
        Policy = organization,
        History = history ?? VersionHistory.Empty,
        ValidationErrors = [.. errors ?? []],
    };

    /// <summary>Plans several organizations against one fleet snapshot.</summary>
    public static FleetPlan PlanMany(IEnumerable<OrganizationInput> inputs, FleetSnapshot fleet, DateTimeOffset now) =>
        FleetPlanner.Plan(new PlanRequest([.. inputs], fleet, now));

    /// <summary>The decision for one cluster of a plan, by name.</summary>
    public static ClusterDecision Decision(this OrganizationPlan plan, string cluster) => plan.Clusters.Single(c => c.Name == cluster && c.Addon is null);

    /// <summary>The decision for one add-on of one cluster of a plan.</summary>
    public static ClusterDecision AddonDecision(this OrganizationPlan plan, string cluster, string addon) =>
        plan.Clusters.Single(c => c.Name == cluster && c.Addon == addon);

    public static InstalledAddon Addon(string id, string version, string state = InstalledAddon.ReadyState) => new(id, version, state);

    public static ExistingUpgradePolicy AddonPolicy(string addon, string version, UpgradePolicyState state = UpgradePolicyState.Scheduled, string scheduleType = ExistingUpgradePolicy.ManualSchedule) => new()
    {
        Id = $"{addon}-policy-{version}",
        Version = version,
        Kind = UpgradePolicyKind.Addon,
        AddonId = addon,
        State = state,
        ScheduleType = scheduleType,
    };

    /// <summary>Plans one organization that manages add-on upgrades, with the catalog's latest version per add-on.</summary>
    public static OrganizationPlan PlanWithAddons(
        OrganizationPolicy organization,
        IEnumerable<OcmCluster> clusters,
        IReadOnlyDictionary<string, string> latest,
        DateTimeOffset now,
        IReadOnlyDictionary<string, VersionHistory>? addonHistories = null)
    {
        var input = new OrganizationInput
        {
            Policy = organization with { AddonManagedUpgrades = true },
            AddonHistories = (addonHistories ?? new Dictionary<string, VersionHistory>()).ToImmutableDictionary(StringComparer.Ordinal),
        };
        var fleet = Fleet(organization.OrgId.Value, clusters) with { AddonVersions = latest.ToImmutableDictionary(StringComparer.Ordinal) };
        return FleetPlanner.Plan(new PlanRequest([input], fleet, now)).Organizations.Single();
    }

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
