namespace Aus.Policies.Yaml;

/// <summary>A node of a parsed YAML (or JSON) document, with the 1-based position where it starts.</summary>
internal abstract class YamlNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>How the node is named in messages: "a list", "a mapping", or the scalar as written.</summary>
    public abstract string Describe();
}
