using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Versions;
using Aus.Policies.Yaml;

namespace Aus.Policies.Fleet;

/// <summary>The clusters of an organization: versions, node pools, existing upgrade policies, gates and health.</summary>
internal sealed partial class FleetParser
{
    private static readonly string[] ClusterKeys =
    [
        "name", "id", "externalId", "product", "hypershift", "channel", "version", "availableUpgrades", "availableChannels",
        "nodePools", "addons", "upgradePolicies", "gateAgreements", "healthErrors", "aws", "labels",
    ];

    private static readonly string[] AddonKeys = ["id", "version", "state"];

    // OCM's add-on installation states; only ready add-ons are upgraded.
    private static readonly string[] AddonStates =
    [
        "delete-failed", "delete-pending", "deleted", "deleting", "failed", "installing", "pending", "ready", "undefined", "upgrading",
    ];

    private static readonly string[] NodePoolKeys = ["id", "version"];
    private static readonly string[] PolicyKeys = ["id", "version", "kind", "nodePool", "addon", "scheduleType", "nextRun", "state"];
    private static readonly string[] HealthKeys = ["source", "error", "enforce"];
    private static readonly string[] AwsKeys = ["sts"];
    private static readonly string[] StsKeys = ["enabled"];
    private static readonly string[] Products = ["osd", "rosa"];
    private static readonly string[] Kinds = ["cluster", "control-plane", "node-pool", "addon"];
    private static readonly string[] ScheduleTypes = ["manual", "automatic"];
    private static readonly string[] States = ["pending", "scheduled", "started", "delayed", "failed", "cancelled", "completed"];

    private List<OcmCluster> ReadClusters(YamlNode? node, string listPath, string orgId)
    {
        var clusters = new List<OcmCluster>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var items = reader.Sequence(node, listPath, "a list of clusters");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index(listPath, i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            var errorsBefore = reader.Bag.ErrorCount;
            var name = reader.RequiredString(entry, "name", path, path);
            var duplicateName = false;
            if (name is not null)
            {
                var nameNode = entry.Find("name")!.Value;
                if (seen.TryGetValue(name, out var first))
                {
                    reader.Bag.Error(nameNode, PolicyMessages.DuplicateFleetCluster(NodeReader.Join(path, "name"), name, orgId, first.Line));
                    duplicateName = true;
                }
                else
                {
                    seen[name] = nameNode;
                }
            }

            var cluster = ReadCluster(entry, path, name);
            var idKey = entry.Find("id") is null ? "name" : "id";
            if (cluster is not null && !(duplicateName && idKey == "name"))
            {
                // The id defaults to the name, so the duplicate is shown where the id came from.
                Unique(_clusterIds, cluster.Id.Value, entry.Find(idKey)!.Value, NodeReader.Join(path, idKey), "cluster id");
            }

            if (cluster is not null && reader.Bag.ErrorCount == errorsBefore)
            {
                clusters.Add(cluster);
            }
        }

        return clusters;
    }

    private OcmCluster? ReadCluster(YamlMapping entry, string path, string? name)
    {
        reader.CheckKeys(entry, path, ClusterKeys);
        var id = reader.OptionalString(entry, "id", path) ?? name;
        var externalId = reader.OptionalString(entry, "externalId", path);
        var product = NodeReader.Optional(entry, "product") is { } productNode ? Choice(productNode, NodeReader.Join(path, "product"), Products) : "osd";
        var hypershift = NodeReader.Optional(entry, "hypershift") is { } hypershiftNode ? reader.Boolean(hypershiftNode, NodeReader.Join(path, "hypershift")) : false;
        var channel = reader.RequiredString(entry, "channel", path, path);
        var version = reader.Required(entry, "version", path) is { } versionNode ? KnownVersion(versionNode) ?? Version(versionNode, NodeReader.Join(path, "version")) : null;

        // Each value's path is built only when the key is there: a fleet has thousands of clusters, most without most keys.
        var upgrades = NodeReader.Optional(entry, "availableUpgrades") is { } upgradesNode ? VersionList(upgradesNode, NodeReader.Join(path, "availableUpgrades")) : [];
        var channels = NodeReader.Optional(entry, "availableChannels") is { } channelsNode ? reader.StringList(channelsNode, NodeReader.Join(path, "availableChannels")) : [];
        var nodePools = NodeReader.Optional(entry, "nodePools") is { } poolsNode ? ReadNodePools(poolsNode, NodeReader.Join(path, "nodePools")) : [];
        var addons = NodeReader.Optional(entry, "addons") is { } addonsNode ? ReadAddons(addonsNode, NodeReader.Join(path, "addons")) : [];
        var policies = NodeReader.Optional(entry, "upgradePolicies") is { } policiesNode ? ReadPolicies(policiesNode, NodeReader.Join(path, "upgradePolicies"), nodePools) : [];
        var agreements = NodeReader.Optional(entry, "gateAgreements") is { } agreementsNode ? ReadAgreements(agreementsNode, NodeReader.Join(path, "gateAgreements")) : [];
        var health = NodeReader.Optional(entry, "healthErrors") is { } healthNode ? ReadHealthErrors(healthNode, NodeReader.Join(path, "healthErrors")) : [];
        var sts = NodeReader.Optional(entry, "aws") is { } awsNode && ReadSts(awsNode, NodeReader.Join(path, "aws"));
        var labels = NodeReader.Optional(entry, "labels") is { } labelsNode ? ReadLabels(labelsNode, NodeReader.Join(path, "labels")) : EmptyLabels;
        if (name is null || id is null || product is null || hypershift is null || channel is null || version is null)
        {
            return null;
        }

        return new OcmCluster
        {
            Name = name,
            Id = new ClusterId(id),
            ExternalId = externalId ?? ClusterExternalIds.Derive(id),
            Product = product,
            Hypershift = hypershift.Value,
            Channel = new ChannelName(channel),
            Version = version,
            AvailableUpgrades = [.. upgrades],
            AvailableChannels = [.. channels.Select(c => new ChannelName(c.Value))],
            NodePools = [.. nodePools],
            UpgradePolicies = [.. policies.Where(p => p.Kind != UpgradePolicyKind.Addon)],
            Addons = [.. addons],
            AddonUpgradePolicies = [.. policies.Where(p => p.Kind == UpgradePolicyKind.Addon)],
            GateAgreements = [.. agreements],
            HealthErrors = [.. health],
            StsEnabled = sts,
            Labels = labels,
        };
    }

    private List<OpenShiftVersion> VersionList(YamlNode? node, string path)
    {
        var versions = new List<OpenShiftVersion>();
        var items = reader.Sequence(node, path, "a list of versions");
        for (var i = 0; i < items.Count; i++)
        {
            // A version seen before needs no path: that is only for a message.
            if (KnownVersion(items[i]) is { } known)
            {
                versions.Add(known);
            }
            else if (Version(items[i], NodeReader.Index(path, i)) is { } version)
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    /// <summary>The version <paramref name="node"/> names, if it has been parsed already (then it is valid).</summary>
    private OpenShiftVersion? KnownVersion(YamlNode node) =>
        node is YamlScalar { IsNull: false } scalar && _versions.TryGetValue(scalar.Text, out var known) ? known : null;

    private List<NodePool> ReadNodePools(YamlNode? node, string listPath)
    {
        var pools = new List<NodePool>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var items = reader.Sequence(node, listPath, "a list of mappings with id and version");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index(listPath, i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, NodePoolKeys);
            var id = reader.RequiredString(entry, "id", path, path);
            var version = reader.Required(entry, "version", path) is { } versionNode ? Version(versionNode, NodeReader.Join(path, "version")) : null;
            if (id is not null && Unique(seen, id, entry.Find("id")!.Value, NodeReader.Join(path, "id"), "node pool id") && version is not null)
            {
                pools.Add(new NodePool(id, version));
            }
        }

        return pools;
    }

    private List<ExistingUpgradePolicy> ReadPolicies(YamlNode? node, string listPath, List<NodePool> nodePools)
    {
        var policies = new List<ExistingUpgradePolicy>();
        var items = reader.Sequence(node, listPath, "a list of upgrade policies");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index(listPath, i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            var errorsBefore = reader.Bag.ErrorCount;
            reader.CheckKeys(entry, path, PolicyKeys);
            var id = reader.RequiredString(entry, "id", path, path);
            var version = reader.Required(entry, "version", path) is { } versionNode ? Version(versionNode, NodeReader.Join(path, "version")) : null;
            var kindText = NodeReader.Optional(entry, "kind") is { } kindNode ? Choice(kindNode, NodeReader.Join(path, "kind"), Kinds) : "cluster";
            var nodePool = reader.OptionalString(entry, "nodePool", path);
            var addon = reader.OptionalString(entry, "addon", path);
            var scheduleType = NodeReader.Optional(entry, "scheduleType") is { } typeNode ? Choice(typeNode, NodeReader.Join(path, "scheduleType"), ScheduleTypes) : "manual";
            var nextRun = NodeReader.Optional(entry, "nextRun") is { } runNode ? reader.Time(runNode, NodeReader.Join(path, "nextRun")) : null;
            var state = NodeReader.Optional(entry, "state") is { } stateNode ? Choice(stateNode, NodeReader.Join(path, "state"), States) : null;
            var kind = kindText switch
            {
                "control-plane" => UpgradePolicyKind.ControlPlane,
                "node-pool" => UpgradePolicyKind.NodePool,
                "addon" => UpgradePolicyKind.Addon,
                _ => UpgradePolicyKind.Cluster,
            };
            CheckNodePool(entry, path, kind, kindText, nodePool, nodePools);
            CheckAddon(entry, path, kind, kindText, addon);
            if (id is null || version is null || kindText is null || scheduleType is null || reader.Bag.ErrorCount != errorsBefore)
            {
                continue;
            }

            policies.Add(new ExistingUpgradePolicy
            {
                Id = id,
                Version = version.ToString(),
                Kind = kind,
                NodePoolId = nodePool,
                AddonId = addon,
                ScheduleType = scheduleType,
                NextRun = nextRun,
                State = state is null ? UpgradePolicyState.Unknown : Enum.Parse<UpgradePolicyState>(state, ignoreCase: true),
            });
        }

        return policies;
    }

    private void CheckNodePool(YamlMapping entry, string path, UpgradePolicyKind kind, string? kindText, string? nodePool, List<NodePool> nodePools)
    {
        var nodePoolPath = NodeReader.Join(path, "nodePool");
        if (kind == UpgradePolicyKind.NodePool && nodePool is null && !entry.Has("nodePool"))
        {
            reader.Bag.Error(entry, PolicyMessages.NodePoolRequired(path));
        }
        else if (kind != UpgradePolicyKind.NodePool && kindText is not null && nodePool is not null)
        {
            reader.Bag.Error(entry.Find("nodePool")!.Value, PolicyMessages.NodePoolNotAllowed(nodePoolPath, kindText));
        }
        else if (kind == UpgradePolicyKind.NodePool && nodePool is not null && !nodePools.Exists(p => string.Equals(p.Id, nodePool, StringComparison.Ordinal)))
        {
            reader.Bag.Error(entry.Find("nodePool")!.Value, PolicyMessages.UnknownNodePool(nodePoolPath, nodePool, [.. nodePools.Select(p => p.Id)]));
        }
    }

    private void CheckAddon(YamlMapping entry, string path, UpgradePolicyKind kind, string? kindText, string? addon)
    {
        if (kind == UpgradePolicyKind.Addon && addon is null && !entry.Has("addon"))
        {
            reader.Bag.Error(entry, PolicyMessages.AddonRequired(path));
        }
        else if (kind != UpgradePolicyKind.Addon && kindText is not null && addon is not null)
        {
            reader.Bag.Error(entry.Find("addon")!.Value, PolicyMessages.AddonNotAllowed(NodeReader.Join(path, "addon"), kindText));
        }
    }

    /// <summary>The add-ons installed on a cluster; the state defaults to ready.</summary>
    private List<InstalledAddon> ReadAddons(YamlNode? node, string listPath)
    {
        var addons = new List<InstalledAddon>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var items = reader.Sequence(node, listPath, "a list of mappings with id, version and state");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index(listPath, i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, AddonKeys);
            var id = reader.RequiredString(entry, "id", path, path);
            var version = reader.Required(entry, "version", path) is { } versionNode ? Version(versionNode, NodeReader.Join(path, "version")) : null;
            var state = NodeReader.Optional(entry, "state") is { } stateNode ? Choice(stateNode, NodeReader.Join(path, "state"), AddonStates) : InstalledAddon.ReadyState;
            if (id is not null && Unique(seen, id, entry.Find("id")!.Value, NodeReader.Join(path, "id"), "add-on id") && version is not null && state is not null)
            {
                addons.Add(new InstalledAddon(id, version.ToString(), state));
            }
        }

        return addons;
    }

    private List<string> ReadAgreements(YamlNode? node, string path)
    {
        var agreements = new List<string>();
        foreach (var (gate, at, index) in reader.StringList(node, path))
        {
            if (!_gateIds.ContainsKey(gate))
            {
                reader.Bag.Error(at, PolicyMessages.UnknownGate(NodeReader.Index(path, index), gate, _gateIds.Keys));
                continue;
            }

            agreements.Add(gate);
        }

        return agreements;
    }

    private List<HealthError> ReadHealthErrors(YamlNode? node, string listPath)
    {
        var errors = new List<HealthError>();
        var items = reader.Sequence(node, listPath, "a list of mappings with source, error and enforce");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index(listPath, i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, HealthKeys);
            var source = reader.RequiredString(entry, "source", path, path);
            var error = reader.RequiredString(entry, "error", path, path);
            var enforce = NodeReader.Optional(entry, "enforce") is { } enforceNode ? reader.Boolean(enforceNode, NodeReader.Join(path, "enforce")) : true;
            if (source is not null && error is not null && enforce is not null)
            {
                errors.Add(new HealthError(source, error, enforce.Value));
            }
        }

        return errors;
    }

    private bool ReadSts(YamlNode? node, string path)
    {
        if (node is null || reader.Mapping(node, path) is not { } aws)
        {
            return false;
        }

        reader.CheckKeys(aws, path, AwsKeys);
        var stsPath = NodeReader.Join(path, "sts");
        if (NodeReader.Optional(aws, "sts") is not { } stsNode || reader.Mapping(stsNode, stsPath) is not { } sts)
        {
            return false;
        }

        reader.CheckKeys(sts, stsPath, StsKeys);
        return NodeReader.Optional(sts, "enabled") is { } enabled && reader.Boolean(enabled, NodeReader.Join(stsPath, "enabled")) == true;
    }

    private ImmutableDictionary<string, string> ReadLabels(YamlNode? node, string path)
    {
        if (node is null || reader.Mapping(node, path) is not { } labels)
        {
            return EmptyLabels;
        }

        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in labels.Entries)
        {
            if (reader.String(entry.Value, $"{path}[\"{entry.Key.Text}\"]") is { } value)
            {
                result[entry.Key.Text] = value;
            }
        }

        return result.ToImmutable();
    }
}
