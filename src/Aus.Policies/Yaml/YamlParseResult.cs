namespace Aus.Policies.Yaml;

/// <summary>The root of a parsed document (null when the file holds no document), or a failure already reported.</summary>
internal sealed record YamlParseResult(YamlNode? Root, bool Failed);
