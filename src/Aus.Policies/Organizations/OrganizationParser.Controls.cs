using System.Globalization;
using System.Text.RegularExpressions;
using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using Aus.Policies.Yaml;

namespace Aus.Policies.Organizations;

/// <summary>The safety controls of the file: freeze windows and halt on failure.</summary>
internal sealed partial class OrganizationParser
{
    private static readonly string[] FreezeKeys = ["name", "start", "end", "schedule", "duration"];
    private static readonly string[] HaltKeys = ["failedUpgrades"];

    private List<FreezeWindow> ReadFreezes(YamlNode? node)
    {
        var result = new List<FreezeWindow>();
        var firstLineByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = reader.Sequence(node, "freezes", "a list of mappings with name, start and end");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("freezes", i);
            if (reader.Mapping(items[i], path) is not { } entry)
            {
                continue;
            }

            reader.CheckKeys(entry, path, FreezeKeys);
            var name = reader.RequiredString(entry, "name", path, path);
            if (name is not null)
            {
                var nameNode = entry.Find("name")!.Value;
                if (firstLineByName.TryGetValue(name, out var firstLine))
                {
                    reader.Bag.Error(nameNode, PolicyMessages.DuplicateFreeze(NodeReader.Join(path, "name"), name, firstLine));
                }
                else
                {
                    firstLineByName[name] = nameNode.Line;
                }
            }

            if (ReadFreeze(entry, path, name ?? string.Empty) is { } freeze && name is not null)
            {
                result.Add(freeze);
            }
        }

        return result;
    }

    private FreezeWindow? ReadFreeze(YamlMapping entry, string path, string name)
    {
        var isFixed = entry.Has("start") || entry.Has("end");
        var isRecurring = entry.Has("schedule") || entry.Has("duration");
        if (isFixed && isRecurring)
        {
            reader.Bag.Error(entry, PolicyMessages.FreezeMixesForms(path));
            return null;
        }

        if (isRecurring)
        {
            var schedule = ReadSchedule(reader.Required(entry, "schedule", path), NodeReader.Join(path, "schedule"));
            var duration = ReadDuration(reader.Required(entry, "duration", path), NodeReader.Join(path, "duration"));
            return schedule is not null && duration is { } length ? FreezeWindow.Recurring(name, schedule, length) : null;
        }

        if (!isFixed)
        {
            reader.Bag.Error(entry, PolicyMessages.FreezeNeedsWindow(path));
            return null;
        }

        var startNode = reader.Required(entry, "start", path);
        var endNode = reader.Required(entry, "end", path);
        var start = startNode is null ? null : reader.Time(startNode, NodeReader.Join(path, "start"));
        var end = endNode is null ? null : reader.Time(endNode, NodeReader.Join(path, "end"));
        if (start is not { } from || end is not { } to)
        {
            return null;
        }

        if (to <= from)
        {
            reader.Bag.Error(endNode!, PolicyMessages.FreezeEndsBeforeStart(NodeReader.Join(path, "end"), endNode!.Describe(), startNode!.Describe()));
            return null;
        }

        return FreezeWindow.Fixed(name, from, to);
    }

    private TimeSpan? ReadDuration(YamlNode? node, string path)
    {
        if (node is null || reader.String(node, path) is not { } text)
        {
            return null;
        }

        var match = DurationShape().Match(text);
        if (match.Success)
        {
            var length = TimeSpan.FromDays(Part(match, "d")) + TimeSpan.FromHours(Part(match, "h")) + TimeSpan.FromMinutes(Part(match, "m"));
            if (length > TimeSpan.Zero)
            {
                return length;
            }
        }

        reader.Bag.Error(node, PolicyMessages.InvalidDuration(path, node.Describe()));
        return null;

        static int Part(Match match, string unit) =>
            match.Groups[unit].Success ? int.Parse(match.Groups[unit].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^(?=\d)(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,5})h)?(?:(?<m>\d{1,6})m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationShape();

    private HaltOnFailure? ReadHaltOnFailure(YamlNode? node)
    {
        const string path = "haltOnFailure";
        if (node is null || reader.Mapping(node, path) is not { } entry)
        {
            return null;
        }

        reader.CheckKeys(entry, path, HaltKeys);
        if (reader.Required(entry, "failedUpgrades", path) is not { } countNode)
        {
            return null;
        }

        var countPath = NodeReader.Join(path, "failedUpgrades");
        if (reader.Integer(countNode, countPath, "an integer >= 1") is not { } count)
        {
            return null;
        }

        if (count is < 1 or > int.MaxValue)
        {
            reader.Bag.Error(countNode, PolicyMessages.InvalidFailedUpgrades(countPath, count));
            return null;
        }

        return new HaltOnFailure((int)count);
    }
}
