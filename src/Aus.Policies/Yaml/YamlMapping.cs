namespace Aus.Policies.Yaml;

/// <summary>A YAML mapping (a JSON object) whose keys are unique scalars, in file order.</summary>
internal sealed class YamlMapping(int line, int column) : YamlNode(line, column)
{
    public List<YamlEntry> Entries { get; } = [];

    public override string Describe() => "a mapping";

    public YamlEntry? Find(string key)
    {
        // A loop, not List.Find with a lambda: readers look keys up for every value of a file.
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Text, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public bool Has(string key) => Find(key) is not null;
}
