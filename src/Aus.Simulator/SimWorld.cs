using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aus.Simulator.Fleet;
using Aus.Simulator.Model;

namespace Aus.Simulator;

/// <summary>
/// Everything OCM knows in the simulation, and OCM's rules. One lock guards it all: the simulator is for
/// tests and demos, so simple and deterministic beats concurrent.
/// </summary>
internal sealed partial class SimWorld
{
    private static readonly string[] PolicyStates = ["pending", "scheduled", "started", "delayed", "failed", "cancelled", "completed"];

    private readonly Random failureRandom;
    private long sequence;
    private long operationSequence;

    public SimWorld(SimulatorOptions options, DateTimeOffset now)
    {
        Now = now;
        UpgradeDuration = options.UpgradeDuration;
        FailureRate = options.FailureRate;
        FailedPolicyRetention = options.FailedPolicyRetention;
        failureRandom = new Random(options.Seed);
    }

    public Lock Sync { get; } = new();

    /// <summary>Told of every transition the clock causes (the simulator logs them).</summary>
    public Action<SimEvent>? OnTransition { get; set; }

    public DateTimeOffset Now { get; private set; }

    public TimeSpan UpgradeDuration { get; }

    public double FailureRate { get; }

    public List<SimOrganization> Organizations { get; } = [];

    public List<SimCluster> Clusters { get; } = [];

    public List<SimLabel> Labels { get; } = [];

    public List<SimPolicy> Policies { get; } = [];

    /// <summary>Add-on upgrades (v2 upgrade plans, v1 add-on upgrade policies).</summary>
    public List<SimAddonPolicy> AddonPolicies { get; } = [];

    /// <summary>The add-on catalog: add-on id to its latest version.</summary>
    public SortedDictionary<string, string> AddonCatalog { get; } = new(StringComparer.Ordinal);

    public List<SimVersionGate> Gates { get; } = [];

    public List<SimLogEntry> Logs { get; } = [];

    public List<SimRelease> Releases { get; } = [];

    /// <summary>True when the fleet file listed releases: available upgrades then come from releases alone.</summary>
    public bool ReleasesAreAuthoritative { get; private set; }

    public string NextId(string prefix) => $"{prefix}{++sequence:D6}";

    public long NextSequence() => ++sequence;

    public string NextOperationId() => $"sim-op-{Interlocked.Increment(ref operationSequence):D8}";

    public SimCluster? FindCluster(string id) => Clusters.Find(c => c.Id == id);

    public SimOrganization? FindOrganization(string id) => Organizations.Find(o => o.Id == id);

    public SimCluster? FindBySubscription(string subscriptionId) => Clusters.Find(c => c.SubscriptionId == subscriptionId);

    public static SimWorld Load(FleetDocument document, string source, SimulatorOptions options, DateTimeOffset now)
    {
        var world = new SimWorld(options, now);
        var errors = new List<string>();
        void Error(string path, string message) => errors.Add($"{source}: error: {path}: {message}");

        foreach (var (gate, i) in (document.VersionGates ?? []).Select((g, i) => (g, i)))
        {
            var path = $"versionGates[{i}]";
            if (string.IsNullOrWhiteSpace(gate.Id) || string.IsNullOrWhiteSpace(gate.VersionRawIdPrefix) || string.IsNullOrWhiteSpace(gate.Label))
            {
                Error(path, "id, versionRawIdPrefix and label are required");
                continue;
            }

            if (world.Gates.Exists(g => g.Id == gate.Id))
            {
                Error($"{path}.id", $"duplicate version gate id '{gate.Id}'");
                continue;
            }

            world.Gates.Add(new SimVersionGate
            {
                Id = gate.Id,
                VersionRawIdPrefix = gate.VersionRawIdPrefix,
                Label = gate.Label,
                StsOnly = gate.StsOnly,
                Value = gate.Value ?? "4.x",
                Description = gate.Description ?? $"Gate for OpenShift {gate.VersionRawIdPrefix}",
                CreatedAt = now.AddDays(-60),
            });
        }

        foreach (var (release, i) in (document.Releases ?? []).Select((r, i) => (r, i)))
        {
            var path = $"releases[{i}]";
            if (release.Version is null || !VersionOrder.IsVersion(release.Version))
            {
                Error($"{path}.version", $"'{release.Version}' is not a version (expected e.g. 4.16.2)");
                continue;
            }

            if (release.Channels is not { Count: > 0 })
            {
                Error($"{path}.channels", "at least one channel is required (e.g. [stable-4.16, fast-4.16])");
                continue;
            }

            world.AddRelease(release.Version, release.Channels, recompute: false);
        }

        world.ReleasesAreAuthoritative = world.Releases.Count > 0;

        foreach (var (addon, version) in document.AddonVersions ?? [])
        {
            if (version is null || !VersionOrder.IsVersion(version))
            {
                Error($"addonVersions.{addon}", $"'{version}' is not a version (expected e.g. 1.3.0)");
                continue;
            }

            world.AddonCatalog[addon] = version;
        }

        foreach (var (org, oi) in (document.Organizations ?? []).Select((o, i) => (o, i)))
        {
            var orgPath = $"organizations[{oi}]";
            if (string.IsNullOrWhiteSpace(org.OrgId))
            {
                Error($"{orgPath}.orgId", "is required");
                continue;
            }

            if (world.FindOrganization(org.OrgId) is not null)
            {
                Error($"{orgPath}.orgId", $"duplicate organization '{org.OrgId}'");
                continue;
            }

            world.Organizations.Add(new SimOrganization { Id = org.OrgId, Name = org.Name ?? org.OrgId, CreatedAt = now.AddDays(-365) });
            foreach (var (key, value) in org.Labels ?? [])
            {
                world.Labels.Add(new SimLabel
                {
                    Id = world.NextId("lbl-"),
                    Key = key,
                    Value = value ?? string.Empty,
                    Type = "Organization",
                    OrganizationId = org.OrgId,
                    CreatedAt = now.AddDays(-30),
                    UpdatedAt = now.AddDays(-30),
                });
            }

            foreach (var (cluster, ci) in (org.Clusters ?? []).Select((c, i) => (c, i)))
            {
                world.LoadCluster(cluster, org.OrgId, $"{orgPath}.clusters[{ci}]", Error);
            }
        }

        if (errors.Count > 0)
        {
            throw new SimulatorConfigurationException(string.Join(Environment.NewLine, errors));
        }

        foreach (var cluster in world.Clusters)
        {
            world.Recompute(cluster);
        }

        return world;
    }

    private void LoadCluster(FleetDocument.ClusterEntry entry, string orgId, string path, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            error($"{path}.name", "is required");
            return;
        }

        // As in the fleet snapshot's own rules: ids are unique in the fleet, names within an organization.
        var id = entry.Id ?? entry.Name;
        if (FindCluster(id) is not null || Clusters.Exists(c => c.Name == entry.Name && c.OrganizationId == orgId))
        {
            error(path, $"duplicate cluster '{entry.Name}' (id '{id}')");
            return;
        }

        if (entry.Version is null || !VersionOrder.IsVersion(entry.Version))
        {
            error($"{path}.version", $"'{entry.Version}' is not a version (expected e.g. 4.16.2)");
            return;
        }

        if (string.IsNullOrWhiteSpace(entry.Channel))
        {
            error($"{path}.channel", "is required (e.g. stable-4.16)");
            return;
        }

        var product = entry.Product ?? "osd";
        if (product is not ("osd" or "rosa"))
        {
            error($"{path}.product", $"'{product}' is not a product (allowed: osd, rosa)");
        }

        foreach (var bad in (entry.AvailableUpgrades ?? []).Where(v => !VersionOrder.IsVersion(v)))
        {
            error($"{path}.availableUpgrades", $"'{bad}' is not a version");
        }

        var cluster = new SimCluster
        {
            Id = id,
            Name = entry.Name,
            ExternalId = entry.ExternalId ?? DeriveExternalId(id),
            SubscriptionId = entry.SubscriptionId ?? $"sub-{id}",
            OrganizationId = orgId,
            Product = product,
            Hypershift = entry.Hypershift,
            State = entry.State ?? "ready",
            Channel = entry.Channel,
            Version = entry.Version,
            StatedUpgrades = [.. (entry.AvailableUpgrades ?? []).Where(VersionOrder.IsVersion)],
            StatedChannels = [.. entry.AvailableChannels ?? []],
            StsEnabled = entry.Aws?.Sts?.Enabled ?? false,
            CreatedAt = Now.AddDays(-30).AddMinutes(Clusters.Count),
        };

        foreach (var (pool, pi) in (entry.NodePools ?? []).Select((p, i) => (p, i)))
        {
            if (string.IsNullOrWhiteSpace(pool.Id) || pool.Version is null || !VersionOrder.IsVersion(pool.Version))
            {
                error($"{path}.nodePools[{pi}]", $"needs an id and a version (got id '{pool.Id}', version '{pool.Version}')");
                continue;
            }

            cluster.NodePools.Add(new SimNodePool { Id = pool.Id, Version = pool.Version, Replicas = pool.Replicas ?? 2 });
        }

        if (cluster.NodePools.Count > 0 && !cluster.Hypershift)
        {
            error($"{path}.nodePools", "node pools are for hosted control planes only (set hypershift: true)");
        }

        foreach (var gateId in entry.GateAgreements ?? [])
        {
            if (!Gates.Exists(g => g.Id == gateId))
            {
                error($"{path}.gateAgreements", $"'{gateId}' is not a version gate of versionGates");
                continue;
            }

            cluster.GateAgreements.Add(new SimGateAgreement { Id = NextId("ga-"), GateId = gateId, AgreedAt = Now.AddDays(-1) });
        }

        foreach (var (key, value) in entry.Labels ?? [])
        {
            Labels.Add(new SimLabel
            {
                Id = NextId("lbl-"),
                Key = key,
                Value = value ?? string.Empty,
                Type = "Subscription",
                SubscriptionId = cluster.SubscriptionId,
                OrganizationId = orgId,
                CreatedAt = Now.AddDays(-7),
                UpdatedAt = Now.AddDays(-7),
            });
        }

        foreach (var (addon, ai) in (entry.Addons ?? []).Select((a, i) => (a, i)))
        {
            if (string.IsNullOrWhiteSpace(addon.Id) || addon.Version is null || !VersionOrder.IsVersion(addon.Version) || cluster.Addons.Exists(a => a.Id == addon.Id))
            {
                error($"{path}.addons[{ai}]", $"needs a unique id and a version (got id '{addon.Id}', version '{addon.Version}')");
                continue;
            }

            cluster.Addons.Add(new SimInstalledAddon { Id = addon.Id, Version = addon.Version, State = addon.State ?? "ready" });
        }

        foreach (var (policy, pi) in (entry.UpgradePolicies ?? []).Select((p, i) => (p, i)))
        {
            if (policy.Kind == "addon")
            {
                LoadAddonPolicy(policy, cluster, $"{path}.upgradePolicies[{pi}]", error);
            }
            else
            {
                LoadPolicy(policy, cluster, $"{path}.upgradePolicies[{pi}]", error);
            }
        }

        Clusters.Add(cluster);
    }

    private void LoadPolicy(FleetDocument.PolicyEntry entry, SimCluster cluster, string path, Action<string, string> error)
    {
        if (entry.Version is null || !VersionOrder.IsVersion(entry.Version))
        {
            error($"{path}.version", $"'{entry.Version}' is not a version");
            return;
        }

        var state = entry.State ?? "scheduled";
        if (!PolicyStates.Contains(state))
        {
            error($"{path}.state", $"'{state}' is not a policy state (allowed: {string.Join(", ", PolicyStates)})");
            return;
        }

        SimPolicyKind? kind = (entry.Kind ?? (cluster.Hypershift ? "control-plane" : "cluster")) switch
        {
            "cluster" => SimPolicyKind.Cluster,
            "control-plane" => SimPolicyKind.ControlPlane,
            "node-pool" => SimPolicyKind.NodePool,
            _ => null,
        };
        if (kind is null)
        {
            error($"{path}.kind", $"'{entry.Kind}' is not a policy kind (allowed: cluster, control-plane, node-pool)");
            return;
        }

        if (kind == SimPolicyKind.NodePool && !cluster.NodePools.Exists(p => p.Id == entry.NodePool))
        {
            error($"{path}.nodePool", $"'{entry.NodePool}' is not a node pool of cluster '{cluster.Name}'");
            return;
        }

        var nextRun = Now;
        if (entry.NextRun is not null
            && !DateTimeOffset.TryParse(entry.NextRun, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out nextRun))
        {
            error($"{path}.nextRun", $"'{entry.NextRun}' is not an RFC 3339 time");
            return;
        }

        var id = entry.Id ?? NextId("up-");
        if (Policies.Exists(p => p.Id == id))
        {
            error($"{path}.id", $"duplicate upgrade policy id '{id}'");
            return;
        }

        Policies.Add(new SimPolicy
        {
            Id = id,
            Sequence = NextSequence(),
            ClusterId = cluster.Id,
            Kind = kind.Value,
            NodePoolId = kind == SimPolicyKind.NodePool ? entry.NodePool : null,
            Version = entry.Version,
            ScheduleType = entry.ScheduleType ?? "manual",
            Schedule = entry.Schedule,
            NextRun = nextRun,
            State = state,
            CreatedAt = Now.AddHours(-1),
            UpdatedAt = Now.AddHours(-1),
            // A policy the fleet says has started is taken as started at its next run.
            StartedAt = state == "started" ? (nextRun <= Now ? nextRun : Now) : null,
        });
    }

    private void LoadAddonPolicy(FleetDocument.PolicyEntry entry, SimCluster cluster, string path, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(entry.Addon))
        {
            error($"{path}.addon", "is required for a policy of kind addon");
            return;
        }

        var state = entry.State ?? "scheduled";
        if (entry.Version is null || !VersionOrder.IsVersion(entry.Version) || !PolicyStates.Contains(state))
        {
            error(path, $"needs a version and a policy state (got version '{entry.Version}', state '{state}')");
            return;
        }

        var nextRun = Now;
        if (entry.NextRun is not null
            && !DateTimeOffset.TryParse(entry.NextRun, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out nextRun))
        {
            error($"{path}.nextRun", $"'{entry.NextRun}' is not an RFC 3339 time");
            return;
        }

        AddonPolicies.Add(new SimAddonPolicy
        {
            Id = entry.Id ?? NextId("aup-"),
            Sequence = NextSequence(),
            ClusterId = cluster.Id,
            AddonId = entry.Addon,
            Version = entry.Version,
            ScheduleType = entry.ScheduleType ?? "manual",
            NextRun = nextRun,
            State = state,
            CreatedAt = Now.AddHours(-1),
            UpdatedAt = Now.AddHours(-1),
            StartedAt = state == "started" ? (nextRun <= Now ? nextRun : Now) : null,
        });
    }

    // OCM's external id is a UUID; derive a stable one so repeated runs agree.
    private static string DeriveExternalId(string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"aus-sim:{id}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
