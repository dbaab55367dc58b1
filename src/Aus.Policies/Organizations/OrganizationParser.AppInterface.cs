using Aus.Policies.Yaml;

namespace Aus.Policies.Organizations;

/// <summary>
/// What app-interface's organization files hold beyond aus's own keys: a $schema, cross-references
/// ({$ref: /path}) resolved inside the configuration directory, and schema keys aus does not use.
/// </summary>
internal sealed partial class OrganizationParser
{
    /// <summary>Whether the file may be an organization file: a $schema naming another schema says it is not (and nothing else is reported).</summary>
    private bool CheckSchema(YamlMapping root)
    {
        if (NodeReader.Optional(root, "$schema") is { } node
            && reader.String(node, "$schema") is { } schema
            && !string.Equals(schema, PolicyMessages.OrganizationSchema, StringComparison.Ordinal))
        {
            reader.Bag.Error(node, PolicyMessages.OtherSchema(schema));
            return false;
        }

        return true;
    }

    /// <summary>Unknown keys are errors naming aus's keys; a key of the schema that aus does not use gets one warning.</summary>
    private void CheckKeys(YamlMapping mapping, string where, IReadOnlyList<string> allowed, IReadOnlyList<string> unused, bool acceptsSchema = false)
    {
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Text;
            if (unused.Contains(key, StringComparer.Ordinal))
            {
                reader.Bag.Warning(entry.Key, PolicyMessages.UnusedSchemaKey(key, where));
            }
            else if (!allowed.Contains(key, StringComparer.Ordinal) && !(acceptsSchema && key == "$schema"))
            {
                reader.Bag.Error(entry.Key, PolicyMessages.UnknownKey(key, where, allowed));
            }
        }
    }

    private static YamlNode? ReferenceTo(YamlMapping mapping) => mapping.Find("$ref")?.Value;

    /// <summary>The environment: its name, or a reference to an environment file, whose name counts.</summary>
    private string? ReadEnvironment(YamlNode? node)
    {
        const string Path = "environment";
        if (node is not YamlMapping mapping)
        {
            return node is null ? null : reader.String(node, Path);
        }

        return Resolve(mapping, Path) is { } target ? TargetString(mapping, target, "name", Path, "an OCM environment file with name") : null;
    }

    /// <summary>An organization named by orgId (and name) in place, or by a reference to its organization file.</summary>
    private (string? OrgId, string? Name) OrganizationReference(YamlMapping entry, string path, IReadOnlyList<string> keys)
    {
        if (!entry.Has("$ref"))
        {
            reader.CheckKeys(entry, path, keys);
            return (reader.RequiredString(entry, "orgId", path, path), reader.OptionalString(entry, "name", path));
        }

        if (Resolve(entry, path) is not { } target)
        {
            return (null, null);
        }

        var orgId = TargetString(entry, target, "orgId", path, "an organization file");
        var name = NodeReader.Optional(target, "name") is YamlScalar { IsNull: false } nameNode ? nameNode.Text : null;
        return (orgId, name);
    }

    /// <summary>
    /// sectors[].dependencies[].ocm: the organization of the sector depended on. Dependencies are linked
    /// by name within this organization, as AUS does, so another organization is worth a warning.
    /// </summary>
    private void ReadDependencyOrganization(YamlMapping dependency, string path, string sector)
    {
        if (NodeReader.Optional(dependency, "ocm") is not { } node)
        {
            return;
        }

        var ocmPath = NodeReader.Join(path, "ocm");
        if (reader.Mapping(node, ocmPath) is not { } mapping || Resolve(mapping, ocmPath) is not { } target)
        {
            return;
        }

        var orgId = TargetString(mapping, target, "orgId", ocmPath, "an organization file");
        if (orgId is not null && _orgId is not null && !string.Equals(orgId, _orgId, StringComparison.Ordinal))
        {
            reader.Bag.Warning(node, PolicyMessages.OtherOrganizationSector(ocmPath, sector, orgId));
        }
    }

    private YamlMapping? Resolve(YamlMapping mapping, string path)
    {
        reader.CheckKeys(mapping, path, ReferenceKeys);
        if (reader.Required(mapping, "$ref", path) is not { } referenceNode || reader.String(referenceNode, NodeReader.Join(path, "$ref")) is not { } reference)
        {
            return null;
        }

        var (target, error) = references.Resolve(reference);
        if (error is not null)
        {
            reader.Bag.Error(referenceNode, PolicyMessages.BadReference(path, reference, error));
        }

        return target;
    }

    private string? TargetString(YamlMapping mapping, YamlMapping target, string key, string path, string expected)
    {
        if (NodeReader.Optional(target, key) is YamlScalar { IsNull: false } value)
        {
            return value.Text;
        }

        var reference = (ReferenceTo(mapping) as YamlScalar)?.Text ?? string.Empty;
        reader.Bag.Error(ReferenceTo(mapping) ?? mapping, PolicyMessages.ReferenceWithoutKey(path, reference, key, expected));
        return null;
    }
}
