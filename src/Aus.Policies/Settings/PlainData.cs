using System.Collections.Immutable;
using Aus.Policies.Yaml;

namespace Aus.Policies.Settings;

/// <summary>
/// A YAML value as plain data for readers that live outside this library: a mapping is an
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string keys, a list an
/// <see cref="IReadOnlyList{T}"/>, a scalar its text, null null. Each value's place is kept by path.
/// </summary>
internal static class PlainData
{
    internal static object? From(YamlNode node, string path, ImmutableDictionary<string, (int Line, int Column)>.Builder places)
    {
        places[path] = (node.Line, node.Column);
        switch (node)
        {
            case YamlMapping mapping:
                var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    values[entry.Key.Text] = From(entry.Value, NodeReader.Join(path, entry.Key.Text), places);
                }

                return values;
            case YamlSequence sequence:
                var items = new List<object?>(sequence.Items.Count);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    items.Add(From(sequence.Items[i], NodeReader.Index(path, i), places));
                }

                return items;
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return scalar.Text;
            default:
                return null;
        }
    }
}
