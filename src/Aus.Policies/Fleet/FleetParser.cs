using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Aus.Domain.Fleet;
using Aus.Domain.Versions;
using Aus.Policies.Yaml;

namespace Aus.Policies.Fleet;

/// <summary>Turns the tree of a fleet file into a <see cref="FleetSnapshot"/>, checking every field.</summary>
internal sealed partial class FleetParser(NodeReader reader)
{
    private const string Where = "the fleet snapshot";

    private static readonly string[] RootKeys = ["versionGates", "addonVersions", "organizations", "releases"];
    private static readonly string[] GateKeys = ["id", "versionRawIdPrefix", "label", "stsOnly"];
    private static readonly string[] OrganizationKeys = ["orgId", "clusters", "labels"];
    private static readonly string[] ReleaseKeys = ["version", "channels"];

    private readonly Dictionary<string, YamlNode> _gateIds = new(StringComparer.Ordinal);

    // Cluster ids are unique across the whole snapshot: the planner keys clusters (and their implicit mutexes) by id.
    private readonly Dictionary<string, YamlNode> _clusterIds = new(StringComparer.Ordinal);

    // A fleet names the same few dozen versions thousands of times: each is parsed once.
    private readonly Dictionary<string, OpenShiftVersion> _versions = new(StringComparer.Ordinal);

    public List<FleetRelease> Releases { get; } = [];

    public FleetSnapshot Read(YamlMapping root)
    {
        reader.CheckKeys(root, Where, RootKeys);
        var gates = ReadGates(NodeReader.Optional(root, "versionGates"));
        var addonVersions = ReadAddonVersions(NodeReader.Optional(root, "addonVersions"));
        var organizations = ReadOrganizations(NodeReader.Optional(root, "organizations"));
        ReadReleases(NodeReader.Optional(root, "releases"));
        return new FleetSnapshot([.. gates], [.. organizations]) { AddonVersions = addonVersions };
    }

    /// <summary>The add-on catalog: the latest version of each add-on, by add-on id.</summary>
    private ImmutableDictionary<string, string> ReadAddonVersions(YamlNode? node)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (node is null || reader.Mapping(node, "addonVersions") is not { } catalog)
        {
            return result.ToImmutable();
        }

        foreach (var entry in catalog.Entries)
        {
            if (Version(entry.Value, $"addonVersions.{entry.Key.Text}") is { } version)
            {
                result[entry.Key.Text] = version.ToString();
            }
        }

        return result.ToImmutable();
    }

    private List<VersionGate> ReadGates(YamlNode? node)
    {
        var gates = new List<VersionGate>();
        var items = reader.Sequence(node, "versionGates", "a list of mappings with id, versionRawIdPrefix and label");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("versionGates", i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, GateKeys);
            var id = reader.RequiredString(entry, "id", path, path);
            var prefix = reader.Required(entry, "versionRawIdPrefix", path) is { } prefixNode
                ? MinorVersionOf(prefixNode, NodeReader.Join(path, "versionRawIdPrefix"))
                : null;
            var label = reader.RequiredString(entry, "label", path, path);
            var stsOnly = NodeReader.Optional(entry, "stsOnly") is { } sts ? reader.Boolean(sts, NodeReader.Join(path, "stsOnly")) : false;
            if (id is not null && !Unique(_gateIds, id, entry.Find("id")!.Value, NodeReader.Join(path, "id"), "version gate id"))
            {
                continue;
            }

            if (id is not null && prefix is not null && label is not null && stsOnly is not null)
            {
                gates.Add(new VersionGate(id, prefix.Value, label, stsOnly.Value));
            }
        }

        return gates;
    }

    private List<FleetOrganization> ReadOrganizations(YamlNode? node)
    {
        var organizations = new List<FleetOrganization>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var items = reader.Sequence(node, "organizations", "a list of mappings with orgId and clusters");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("organizations", i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, OrganizationKeys);
            var orgId = reader.RequiredString(entry, "orgId", path, path);
            var clusters = ReadClusters(NodeReader.Optional(entry, "clusters"), NodeReader.Join(path, "clusters"), orgId ?? "?");
            var labels = ReadLabels(NodeReader.Optional(entry, "labels"), NodeReader.Join(path, "labels"));
            if (orgId is not null && Unique(seen, orgId, entry.Find("orgId")!.Value, NodeReader.Join(path, "orgId"), "organization"))
            {
                organizations.Add(new FleetOrganization(new OrganizationId(orgId), [.. clusters]) { Labels = labels });
            }
        }

        return organizations;
    }

    private void ReadReleases(YamlNode? node)
    {
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var items = reader.Sequence(node, "releases", "a list of mappings with version and channels");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("releases", i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, ReleaseKeys);
            var version = reader.Required(entry, "version", path) is { } versionNode ? Version(versionNode, NodeReader.Join(path, "version")) : null;
            var channels = reader.StringList(NodeReader.Optional(entry, "channels"), NodeReader.Join(path, "channels"));
            if (version is not null && Unique(seen, version.ToString(), entry.Find("version")!.Value, NodeReader.Join(path, "version"), "release"))
            {
                Releases.Add(new FleetRelease(version, [.. channels.Select(c => c.Value)]));
            }
        }
    }

    private bool Unique(Dictionary<string, YamlNode> seen, string id, YamlNode at, string path, string what)
    {
        if (seen.TryGetValue(id, out var first))
        {
            reader.Bag.Error(at, PolicyMessages.DuplicateId(path, what, id, first.Line));
            return false;
        }

        seen[id] = at;
        return true;
    }

    private OpenShiftVersion? Version(YamlNode node, string path)
    {
        if (reader.String(node, path) is not { } text)
        {
            return null;
        }

        if (_versions.TryGetValue(text, out var known))
        {
            return known;
        }

        if (OpenShiftVersion.TryParse(text, out var version, out var error))
        {
            _versions[text] = version;
            return version;
        }

        reader.Bag.Error(node, PolicyMessages.InvalidVersion(path, error));
        return null;
    }

    private MinorVersion? MinorVersionOf(YamlNode node, string path)
    {
        // Written unquoted, 4.16 is a YAML float; its text is what counts.
        if (node is YamlScalar { IsNull: false } scalar && MinorVersion.TryParse(scalar.Text, out var minor))
        {
            return minor;
        }

        reader.Bag.Error(node, PolicyMessages.InvalidMinorVersion(path, node.Describe()));
        return null;
    }

    private string? Choice(YamlNode node, string path, string[] allowed)
    {
        if (reader.String(node, path) is not { } text)
        {
            return null;
        }

        if (allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        reader.Bag.Error(node, PolicyMessages.InvalidChoice(path, node.Describe(), allowed));
        return null;
    }

    private static ImmutableDictionary<string, string> EmptyLabels => ImmutableDictionary<string, string>.Empty;
}
