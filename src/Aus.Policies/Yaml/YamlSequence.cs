namespace Aus.Policies.Yaml;

/// <summary>A YAML sequence (a JSON array).</summary>
internal sealed class YamlSequence(int line, int column) : YamlNode(line, column)
{
    public List<YamlNode> Items { get; } = [];

    public override string Describe() => "a list";
}
