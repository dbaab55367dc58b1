using System.Text.RegularExpressions;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Policies.Yaml;

namespace Aus.Policies.Organizations;

/// <summary>Turns the tree of one organization file into the domain model, checking every rule of docs/policy-reference.md.</summary>
internal sealed partial class OrganizationParser(NodeReader reader, AppInterfaceReferences references)
{
    private const string Where = "the organization";

    private static readonly string[] OrganizationKeys =
    [
        "name", "orgId", "environment", "blockedVersions", "upgradePolicyAllowedWorkloads", "upgradePolicyAllowedMutexes",
        "sectors", "inheritVersionData", "publishVersionData", "upgradePolicyClusters", "ausClusterHealthChecks", "freezes", "haltOnFailure", "addonManagedUpgrades",
    ];

    /// <summary>Keys of app-interface's openshift-cluster-manager-1 schema that aus does not use: each is accepted with a warning.</summary>
    private static readonly string[] UnusedOrganizationKeys =
    [
        "labels", "description", "url", "externalOrgId", "accessTokenClientId", "accessTokenUrl", "accessTokenClientSecret",
        "allowedClusterExternalConfigLabels", "addonUpgradeTests", "recommendedVersions",
        "recommendedVersionWeight", "upgradePolicyDefaults", "disable",
    ];

    private static readonly string[] UnusedClusterKeys = ["serverUrl", "spec"];
    private static readonly string[] UnusedUpgradePolicyKeys = ["schedule_type"];
    private static readonly string[] SectorKeys = ["name", "maxParallelUpgrades", "dependencies", "requireApproval"];
    private static readonly string[] DependencyKeys = ["name", "ocm"];
    private static readonly string[] ReferenceKeys = ["$ref"];
    private static readonly string[] InheritKeys = ["orgId", "name"];
    private static readonly string[] PublishKeys = ["orgId", "name"];
    private static readonly string[] HealthCheckKeys = ["provider", "enforced"];
    private static readonly string[] HealthProviders = [HealthCheck.Telemeter];
    private static readonly string[] ClusterKeys = ["name", "upgradePolicy"];
    private static readonly string[] UpgradePolicyKeys = ["workloads", "schedule", "versionGateApprovals", "conditions"];
    private static readonly string[] ConditionKeys = ["soakDays", "mutexes", "sector", "blockedVersions"];

    private readonly List<string> _allowedWorkloads = [];
    private readonly List<string> _allowedMutexes = [];
    private readonly List<SectorEntry> _sectors = [];
    private string? _orgId;

    public List<string> ClusterNames { get; } = [];

    public OrganizationPolicy? Read(YamlMapping root)
    {
        if (!CheckSchema(root))
        {
            return null;
        }

        CheckKeys(root, Where, OrganizationKeys, UnusedOrganizationKeys, acceptsSchema: true);
        var name = reader.RequiredString(root, "name", string.Empty, Where);
        var orgId = reader.RequiredString(root, "orgId", string.Empty, Where);
        _orgId = orgId;
        var environment = ReadEnvironment(NodeReader.Optional(root, "environment"));
        var addonManaged = NodeReader.Optional(root, "addonManagedUpgrades") is { } addonNode ? reader.Boolean(addonNode, "addonManagedUpgrades") : false;
        var blocked = Patterns(NodeReader.Optional(root, "blockedVersions"), "blockedVersions");
        _allowedWorkloads.AddRange(reader.StringList(NodeReader.Optional(root, "upgradePolicyAllowedWorkloads"), "upgradePolicyAllowedWorkloads").Select(w => w.Value));
        _allowedMutexes.AddRange(reader.StringList(NodeReader.Optional(root, "upgradePolicyAllowedMutexes"), "upgradePolicyAllowedMutexes").Select(m => m.Value));
        ReadSectors(NodeReader.Optional(root, "sectors"));
        var inherit = ReadInherit(NodeReader.Optional(root, "inheritVersionData"), orgId);
        var publish = ReadPublish(NodeReader.Optional(root, "publishVersionData"));
        var clusters = ReadClusters(NodeReader.Optional(root, "upgradePolicyClusters"));
        var healthChecks = ReadHealthChecks(NodeReader.Optional(root, "ausClusterHealthChecks"));
        var freezes = ReadFreezes(NodeReader.Optional(root, "freezes"));
        var halt = ReadHaltOnFailure(NodeReader.Optional(root, "haltOnFailure"));
        WarnAboutWorkloadsThatCannotSoak(clusters, inheritsVersionData: inherit.Count > 0);

        if (name is null || orgId is null)
        {
            return null;
        }

        return new OrganizationPolicy
        {
            Name = name,
            OrgId = new OrganizationId(orgId),
            Environment = environment is null ? OrganizationPolicy.DefaultEnvironment : new EnvironmentName(environment),
            BlockedVersions = [.. blocked],
            AllowedWorkloads = [.. _allowedWorkloads.Select(w => new Workload(w))],
            AllowedMutexes = [.. _allowedMutexes.Select(m => new MutexName(m))],
            Sectors = [.. _sectors.Where(s => !s.IsDuplicate).Select(s => s.ToSector())],
            InheritVersionData = [.. inherit],
            PublishVersionData = [.. publish.Select(p => new OrganizationId(p))],
            Clusters = [.. clusters.Where(c => c.Policy is not null).Select(c => c.Policy!)],
            HealthChecks = [.. healthChecks],
            Freezes = [.. freezes],
            HaltOnFailure = halt,
            AddonManagedUpgrades = addonManaged ?? false,
        };
    }

    private List<VersionPattern> Patterns(YamlNode? node, string path)
    {
        var patterns = new List<VersionPattern>();
        foreach (var (source, at, index) in reader.StringList(node, path))
        {
            if (VersionPattern.TryCreate(source, out var pattern, out var error))
            {
                patterns.Add(pattern);
            }
            else
            {
                reader.Bag.Error(at, PolicyMessages.InvalidRegex(NodeReader.Index(path, index), source, RegexError(error)));
            }
        }

        return patterns;
    }

    // .NET's message repeats the pattern, which the diagnostic already shows; keep the offset and the reason.
    internal static string RegexError(string message)
    {
        var match = RegexErrorShape().Match(message);
        return match.Success ? $"at offset {match.Groups[1].Value}: {match.Groups[2].Value}" : message.TrimEnd('.');
    }

    [GeneratedRegex(@"^Invalid pattern '.*' at offset (\d+)\. (.*?)\.?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex RegexErrorShape();

    private List<InheritedOrganization> ReadInherit(YamlNode? node, string? ownOrgId)
    {
        var result = new List<InheritedOrganization>();
        var items = reader.Sequence(node, "inheritVersionData", "a list of mappings with orgId");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("inheritVersionData", i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            var (orgId, name) = OrganizationReference(entry, path, InheritKeys);
            if (orgId is null)
            {
                continue;
            }

            if (string.Equals(orgId, ownOrgId, StringComparison.Ordinal))
            {
                var at = entry.Find("orgId")?.Value ?? entry;
                reader.Bag.Error(at, PolicyMessages.InheritsFromItself(NodeReader.Join(path, entry.Has("orgId") ? "orgId" : "$ref"), orgId));
                continue;
            }

            result.Add(new InheritedOrganization(new OrganizationId(orgId), name));
        }

        return result;
    }

    private List<string> ReadPublish(YamlNode? node)
    {
        var result = new List<string>();
        var items = reader.Sequence(node, "publishVersionData", "a list of mappings with orgId");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("publishVersionData", i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            if (OrganizationReference(entry, path, PublishKeys).OrgId is { } orgId)
            {
                result.Add(orgId);
            }
        }

        return result;
    }

    private List<HealthCheck> ReadHealthChecks(YamlNode? node)
    {
        var result = new List<HealthCheck>();
        var items = reader.Sequence(node, "ausClusterHealthChecks", "a list of mappings with provider and enforced");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("ausClusterHealthChecks", i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, HealthCheckKeys);
            var provider = reader.RequiredString(entry, "provider", path, path);
            var enforced = reader.Required(entry, "enforced", path) is { } enforcedNode
                ? reader.Boolean(enforcedNode, NodeReader.Join(path, "enforced"))
                : null;
            if (provider is null)
            {
                continue;
            }

            var providerNode = entry.Find("provider")!.Value;
            var providerPath = NodeReader.Join(path, "provider");
            if (!HealthProviders.Contains(provider, StringComparer.Ordinal))
            {
                reader.Bag.Error(providerNode, PolicyMessages.UnknownHealthProvider(providerPath, provider, HealthProviders));
            }
            else if (result.Exists(c => string.Equals(c.Provider, provider, StringComparison.Ordinal)))
            {
                reader.Bag.Error(providerNode, PolicyMessages.DuplicateHealthProvider(providerPath, provider));
            }
            else if (enforced is { } isEnforced)
            {
                result.Add(new HealthCheck(provider, isEnforced));
            }
        }

        return result;
    }

    private void WarnAboutWorkloadsThatCannotSoak(List<ClusterEntry> clusters, bool inheritsVersionData)
    {
        if (inheritsVersionData)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            foreach (var (workload, at) in cluster.Workloads)
            {
                if (!seen.Add(workload))
                {
                    continue;
                }

                var canSoak = clusters.Any(c => c.MaySoakFreely && c.Workloads.Exists(w => string.Equals(w.Workload, workload, StringComparison.Ordinal)));
                if (!canSoak)
                {
                    reader.Bag.CurrentCluster = null;
                    reader.Bag.Warning(at, PolicyMessages.NothingCanSoak(workload));
                }
            }
        }
    }

    private sealed record SectorEntry(string Name, YamlNode At, string Path, ParallelLimit? Limit, List<(string Name, YamlNode At, string Path)> Dependencies)
    {
        public bool IsDuplicate { get; init; }

        public bool RequireApproval { get; init; }

        public Sector ToSector() => new()
        {
            Name = new SectorName(Name),
            MaxParallelUpgrades = Limit,
            Dependencies = [.. Dependencies.Select(d => new SectorName(d.Name))],
            RequireApproval = RequireApproval,
        };
    }

    private sealed class ClusterEntry
    {
        public List<(string Workload, YamlNode At)> Workloads { get; } = [];

        /// <summary>soakDays is 0 or absent (no soak check), or unreadable (then no warning is wanted on top).</summary>
        public bool MaySoakFreely { get; set; } = true;

        public ClusterPolicy? Policy { get; set; }
    }
}
