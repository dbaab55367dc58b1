using System.Globalization;
using System.Text.RegularExpressions;
using Aus.Policies.Diagnostics;

namespace Aus.Policies.Yaml;

/// <summary>Typed access to a YAML tree that reports every mismatch and carries on.</summary>
internal sealed partial class NodeReader(DiagnosticBag bag)
{
    public DiagnosticBag Bag { get; } = bag;

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public YamlMapping? Mapping(YamlNode node, string path)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        Bag.Error(node, PolicyMessages.WrongType(path, "a mapping", node.Describe()));
        return null;
    }

    /// <summary>Reports every key of <paramref name="mapping"/> that is not in <paramref name="allowed"/>.</summary>
    public void CheckKeys(YamlMapping mapping, string where, IReadOnlyList<string> allowed)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!IsAllowed(entry.Key.Text, allowed))
            {
                Bag.Error(entry.Key, PolicyMessages.UnknownKey(entry.Key.Text, where, allowed));
            }
        }
    }

    // A loop over the list, not LINQ's Contains: every mapping of a file is checked.
    private static bool IsAllowed(string key, IReadOnlyList<string> allowed)
    {
        for (var i = 0; i < allowed.Count; i++)
        {
            if (string.Equals(allowed[i], key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of an optional key; an explicit null counts as absent.</summary>
    public static YamlNode? Optional(YamlMapping mapping, string key) =>
        mapping.Find(key)?.Value is { } value && value is not YamlScalar { IsNull: true } ? value : null;

    /// <summary>The value of a required key; reports it when the key is missing.</summary>
    public YamlNode? Required(YamlMapping mapping, string key, string where)
    {
        var entry = mapping.Find(key);
        if (entry is null)
        {
            Bag.Error(mapping, PolicyMessages.MissingKey(key, where));
            return null;
        }

        return entry.Value;
    }

    public string? String(YamlNode node, string path)
    {
        if (node is YamlScalar { IsNull: false } scalar)
        {
            return scalar.Text;
        }

        Bag.Error(node, PolicyMessages.WrongType(path, "a string", node.Describe()));
        return null;
    }

    public string? RequiredString(YamlMapping mapping, string key, string path, string where) =>
        Required(mapping, key, where) is { } node ? String(node, Join(path, key)) : null;

    public string? OptionalString(YamlMapping mapping, string key, string path) =>
        Optional(mapping, key) is { } node ? String(node, Join(path, key)) : null;

    public long? Integer(YamlNode node, string path, string expected)
    {
        if (node is YamlScalar scalar && scalar.TryGetInteger(out var value))
        {
            return value;
        }

        Bag.Error(node, PolicyMessages.WrongType(path, expected, node.Describe()));
        return null;
    }

    public bool? Boolean(YamlNode node, string path)
    {
        if (node is YamlScalar { Kind: ScalarKind.Boolean } scalar)
        {
            return scalar.Text is "true" or "True" or "TRUE";
        }

        Bag.Error(node, PolicyMessages.WrongType(path, "true or false", node.Describe()));
        return null;
    }

    /// <summary>The items of a list; reports anything else and returns no items.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlNode? node, string path, string expected = "a list")
    {
        switch (node)
        {
            case null:
                return [];
            case YamlSequence sequence:
                return sequence.Items;
            default:
                Bag.Error(node, PolicyMessages.WrongType(path, expected, node.Describe()));
                return [];
        }
    }

    /// <summary>
    /// The strings of a list of strings, each with its node and its index in the list (for a message:
    /// <see cref="Index"/>); items of the wrong type are reported and left out.
    /// </summary>
    public List<(string Value, YamlNode Node, int Index)> StringList(YamlNode? node, string path)
    {
        var result = new List<(string, YamlNode, int)>();
        var items = Sequence(node, path, "a list of strings");
        for (var i = 0; i < items.Count; i++)
        {
            // The item's path is only needed for a message: not built for the thousands of good items of a fleet.
            if (items[i] is YamlScalar { IsNull: false } scalar)
            {
                result.Add((scalar.Text, scalar, i));
            }
            else
            {
                String(items[i], Index(path, i));
            }
        }

        return result;
    }

    /// <summary>An RFC 3339 time with a date, a time and an offset, returned in UTC.</summary>
    public DateTimeOffset? Time(YamlNode node, string path)
    {
        if (String(node, path) is not { } text)
        {
            return null;
        }

        if (Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        Bag.Error(node, PolicyMessages.InvalidTime(path, node.Describe()));
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
