using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using Aus.Policies.Yaml;

namespace Aus.Policies.Organizations;

/// <summary>upgradePolicyClusters: one entry per cluster, each checked against the organization's declarations.</summary>
internal sealed partial class OrganizationParser
{
    private List<ClusterEntry> ReadClusters(YamlNode? node)
    {
        const string ListPath = "upgradePolicyClusters";
        var clusters = new List<ClusterEntry>();
        var firstByName = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var items = reader.Sequence(node, ListPath, "a list of mappings with name and upgradePolicy");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index(ListPath, i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            var name = reader.RequiredString(entry, "name", path, path);
            reader.Bag.CurrentCluster = name;
            var errorsBefore = reader.Bag.ErrorCount;
            if (name is not null)
            {
                ClusterNames.Add(name);
                var nameNode = entry.Find("name")!.Value;
                if (firstByName.TryGetValue(name, out var first))
                {
                    reader.Bag.Error(nameNode, PolicyMessages.DuplicateCluster(NodeReader.Join(path, "name"), name, first.Line));
                }
                else
                {
                    firstByName[name] = nameNode;
                }
            }

            CheckKeys(entry, path, ClusterKeys, UnusedClusterKeys);
            var cluster = new ClusterEntry();
            if (reader.Required(entry, "upgradePolicy", path) is { } policyNode
                && NodeReader.Join(path, "upgradePolicy") is var policyPath
                && reader.Mapping(policyNode, policyPath) is { } policy)
            {
                var built = ReadUpgradePolicy(policy, policyPath, cluster);
                if (name is not null && built is not null && reader.Bag.ErrorCount == errorsBefore)
                {
                    cluster.Policy = built with { Name = name };
                }
            }

            clusters.Add(cluster);
            reader.Bag.CurrentCluster = null;
        }

        return clusters;
    }

    private ClusterPolicy? ReadUpgradePolicy(YamlMapping policy, string path, ClusterEntry cluster)
    {
        CheckKeys(policy, path, UpgradePolicyKeys, UnusedUpgradePolicyKeys);
        var workloads = ReadWorkloads(reader.Required(policy, "workloads", path), NodeReader.Join(path, "workloads"), cluster);
        var schedule = ReadSchedule(reader.Required(policy, "schedule", path), NodeReader.Join(path, "schedule"));

        // Paths of optional values are built only when the value is there: most clusters have few of them.
        var approvals = NodeReader.Optional(policy, "versionGateApprovals") is { } approvalsNode
            ? reader.StringList(approvalsNode, NodeReader.Join(path, "versionGateApprovals"))
            : [];

        int? soakDays = null;
        var mutexes = new List<MutexName>();
        SectorName? sector = null;
        var blocked = new List<VersionPattern>();
        if (NodeReader.Optional(policy, "conditions") is { } conditionsNode
            && NodeReader.Join(path, "conditions") is var conditionsPath
            && reader.Mapping(conditionsNode, conditionsPath) is { } conditions)
        {
            reader.CheckKeys(conditions, conditionsPath, ConditionKeys);
            soakDays = NodeReader.Optional(conditions, "soakDays") is { } soakNode ? ReadSoakDays(soakNode, NodeReader.Join(conditionsPath, "soakDays"), cluster) : null;
            mutexes = NodeReader.Optional(conditions, "mutexes") is { } mutexesNode ? ReadMutexes(mutexesNode, NodeReader.Join(conditionsPath, "mutexes")) : [];
            sector = NodeReader.Optional(conditions, "sector") is { } sectorNode ? ReadSector(sectorNode, NodeReader.Join(conditionsPath, "sector")) : null;
            blocked = NodeReader.Optional(conditions, "blockedVersions") is { } blockedNode ? Patterns(blockedNode, NodeReader.Join(conditionsPath, "blockedVersions")) : [];
        }

        if (workloads is null || schedule is null)
        {
            return null;
        }

        return new ClusterPolicy
        {
            Name = string.Empty,
            Workloads = [.. workloads],
            Schedule = schedule,
            SoakDays = soakDays,
            Mutexes = [.. mutexes],
            Sector = sector,
            BlockedVersions = [.. blocked],
            VersionGateApprovals = [.. approvals.Select(a => a.Value)],
        };
    }

    private List<Workload>? ReadWorkloads(YamlNode? node, string path, ClusterEntry cluster)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequence { Items.Count: 0 })
        {
            reader.Bag.Error(node, PolicyMessages.NoWorkloads(path));
            return null;
        }

        var workloads = new List<Workload>();
        foreach (var (workload, at, index) in reader.StringList(node, path))
        {
            cluster.Workloads.Add((workload, at));
            if (!_allowedWorkloads.Contains(workload, StringComparer.Ordinal))
            {
                reader.Bag.Error(at, PolicyMessages.WorkloadNotAllowed(NodeReader.Index(path, index), workload, _allowedWorkloads));
            }

            workloads.Add(new Workload(workload));
        }

        return workloads.Count > 0 ? workloads : null;
    }

    private CronSchedule? ReadSchedule(YamlNode? node, string path)
    {
        if (node is null || reader.String(node, path) is not { } expression)
        {
            return null;
        }

        if (CronSchedule.TryParse(expression, out var schedule, out var error))
        {
            return schedule;
        }

        reader.Bag.Error(node, PolicyMessages.InvalidCron(path, expression, CronError(error)));
        return null;
    }

    // Cronos opens every message with the same sentence; the reason follows it.
    internal static string CronError(string message)
    {
        const string Preamble = "The given cron expression has an invalid format. ";
        var reason = message.StartsWith(Preamble, StringComparison.Ordinal) ? message[Preamble.Length..] : message;
        return reason.TrimEnd('.');
    }

    private int? ReadSoakDays(YamlNode? node, string path, ClusterEntry cluster)
    {
        if (node is null)
        {
            return null;
        }

        var value = reader.Integer(node, path, "an integer >= 0");
        switch (value)
        {
            case null:
                return null;
            case < 0:
                reader.Bag.Error(node, PolicyMessages.NegativeSoakDays(path, value.Value));
                return null;
            case > int.MaxValue:
                reader.Bag.Error(node, PolicyMessages.WrongType(path, "an integer >= 0", node.Describe()));
                return null;
            default:
                cluster.MaySoakFreely = value == 0;
                return (int)value;
        }
    }

    private List<MutexName> ReadMutexes(YamlNode? node, string path)
    {
        var mutexes = new List<MutexName>();
        foreach (var (mutex, at, index) in reader.StringList(node, path))
        {
            if (!_allowedMutexes.Contains(mutex, StringComparer.Ordinal))
            {
                reader.Bag.Error(at, PolicyMessages.MutexNotAllowed(NodeReader.Index(path, index), mutex, _allowedMutexes));
            }

            mutexes.Add(new MutexName(mutex));
        }

        return mutexes;
    }

    private SectorName? ReadSector(YamlNode? node, string path)
    {
        if (node is null || reader.String(node, path) is not { } sector)
        {
            return null;
        }

        var declared = _sectors.Where(s => !s.IsDuplicate).Select(s => s.Name).ToList();
        if (!declared.Contains(sector, StringComparer.Ordinal))
        {
            reader.Bag.Error(node, PolicyMessages.UnknownSector(path, sector, declared));
            return null;
        }

        return new SectorName(sector);
    }
}
