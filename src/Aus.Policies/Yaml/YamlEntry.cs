namespace Aus.Policies.Yaml;

/// <summary>One key and its value in a mapping.</summary>
internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);
