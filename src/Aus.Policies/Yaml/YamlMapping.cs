namespace Aus.Policies.Yaml;

/// <summary>A YAML mapping (a JSON object) whose keys are unique scalars, in file order.</summary>
internal sealed class YamlMapping(int line, int column) : YamlNode(line, column)
{
    public List<YamlEntry> Entries { get; } = [];

    public override string Describe() => "a mapping";

    public YamlEntry? Find(string key) => Entries.Find(e => string.Equals(e.Key.Text, key, StringComparison.Ordinal));

    public bool Has(string key) => Find(key) is not null;
}
