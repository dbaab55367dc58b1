using Aus.Domain.Policies;
using Aus.Policies.Yaml;

namespace Aus.Policies.Organizations;

/// <summary>Sectors: names, parallel limits, and a dependency graph that must name known sectors and have no cycle.</summary>
internal sealed partial class OrganizationParser
{
    private void ReadSectors(YamlNode? node)
    {
        var items = reader.Sequence(node, "sectors", "a list of mappings with name");
        var firstByName = new Dictionary<string, SectorEntry>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("sectors", i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, SectorKeys);
            var name = reader.RequiredString(entry, "name", path, path);
            var limit = ReadParallelLimit(NodeReader.Optional(entry, "maxParallelUpgrades"), NodeReader.Join(path, "maxParallelUpgrades"));
            var dependencies = ReadDependencies(NodeReader.Optional(entry, "dependencies"), NodeReader.Join(path, "dependencies"));
            var requireApproval = NodeReader.Optional(entry, "requireApproval") is { } approvalNode
                && reader.Boolean(approvalNode, NodeReader.Join(path, "requireApproval")) == true;
            if (name is null)
            {
                continue;
            }

            var nameNode = entry.Find("name")!.Value;
            var sector = new SectorEntry(name, nameNode, path, limit, dependencies) { RequireApproval = requireApproval };
            if (firstByName.TryGetValue(name, out var first))
            {
                reader.Bag.Error(nameNode, PolicyMessages.DuplicateSector(NodeReader.Join(path, "name"), name, first.At.Line));
                sector = sector with { IsDuplicate = true };
            }
            else
            {
                firstByName[name] = sector;
            }

            _sectors.Add(sector);
        }

        CheckDependencies(firstByName);
    }

    private ParallelLimit? ReadParallelLimit(YamlNode? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { Kind: ScalarKind.String or ScalarKind.Integer } scalar when ParallelLimit.TryParse(scalar.Text, out var limit):
                return limit;
            default:
                reader.Bag.Error(node, PolicyMessages.InvalidMaxParallelUpgrades(path, node.Describe()));
                return null;
        }
    }

    private List<(string Name, YamlNode At, string Path)> ReadDependencies(YamlNode? node, string path)
    {
        var result = new List<(string, YamlNode, string)>();
        var items = reader.Sequence(node, path, "a list of mappings with name");
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = NodeReader.Index(path, i);
            if (reader.Mapping(items[i], itemPath) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, itemPath, DependencyKeys);
            if (reader.RequiredString(entry, "name", itemPath, itemPath) is { } name)
            {
                ReadDependencyOrganization(entry, itemPath, name);
                result.Add((name, entry.Find("name")!.Value, NodeReader.Join(itemPath, "name")));
            }
        }

        return result;
    }

    private void CheckDependencies(Dictionary<string, SectorEntry> sectors)
    {
        var declared = sectors.Keys.ToList();
        foreach (var sector in _sectors)
        {
            foreach (var (dependency, at, path) in sector.Dependencies)
            {
                if (string.Equals(dependency, sector.Name, StringComparison.Ordinal))
                {
                    reader.Bag.Error(at, PolicyMessages.SectorDependsOnItself(path, sector.Name));
                }
                else if (!sectors.ContainsKey(dependency))
                {
                    reader.Bag.Error(at, PolicyMessages.UnknownSectorDependency(path, sector.Name, dependency, declared));
                }
            }
        }

        FindCycles(sectors);
    }

    /// <summary>
    /// A depth-first walk in file order that reports every dependency closing a cycle (a back edge),
    /// so each cycle is reported at least once. Iterative, so a long dependency chain cannot overflow the stack.
    /// </summary>
    private void FindCycles(Dictionary<string, SectorEntry> sectors)
    {
        var state = new Dictionary<string, VisitState>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in sectors.Values)
        {
            if (state.ContainsKey(start.Name))
            {
                continue;
            }

            var stack = new Stack<(SectorEntry Sector, int Next)>();
            stack.Push((start, 0));
            state[start.Name] = VisitState.OnPath;
            path.Add(start.Name);
            while (stack.Count > 0)
            {
                var (sector, next) = stack.Pop();
                if (next >= sector.Dependencies.Count)
                {
                    state[sector.Name] = VisitState.Done;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                stack.Push((sector, next + 1));
                var (dependency, at, dependencyPath) = sector.Dependencies[next];
                if (string.Equals(dependency, sector.Name, StringComparison.Ordinal) || !sectors.TryGetValue(dependency, out var target))
                {
                    continue;
                }

                switch (state.GetValueOrDefault(dependency))
                {
                    case VisitState.OnPath:
                        var cycle = path.Skip(path.IndexOf(dependency)).Append(dependency);
                        reader.Bag.Error(at, PolicyMessages.SectorCycle(dependencyPath, cycle));
                        break;
                    case VisitState.Unvisited:
                        state[dependency] = VisitState.OnPath;
                        path.Add(dependency);
                        stack.Push((target, 0));
                        break;
                }
            }
        }
    }

    private enum VisitState
    {
        Unvisited,
        OnPath,
        Done,
    }
}
