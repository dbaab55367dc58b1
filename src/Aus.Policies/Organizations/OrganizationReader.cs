using Aus.Policies.Diagnostics;
using Aus.Policies.Files;
using Aus.Policies.Yaml;

namespace Aus.Policies.Organizations;

/// <summary>
/// Reads an organization policy file (YAML or JSON, docs/policy-reference.md) into the domain model
/// and validates it, reporting every problem at once. Never throws for bad input.
/// </summary>
public static class OrganizationReader
{
    /// <param name="configDirectory">
    /// Where app-interface references (<c>$ref: /dependencies/...</c>) are resolved; without it, the
    /// nearest enclosing directory named data, or else the file's own directory.
    /// </param>
    public static async Task<OrganizationDocument> ReadFileAsync(string path, CancellationToken cancellationToken, string? configDirectory = null)
    {
        var source = await SourceFiles.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        return FromSource(source, configDirectory);
    }

    public static OrganizationDocument FromSource(SourceText source, string? configDirectory = null) =>
        source.Text is null
            ? new OrganizationDocument(source.File, null, [], [source.Error!]) { IsUnreadable = true }
            : Read(source.Text, source.File, configDirectory);

    /// <summary>Reads the text of an organization file; <paramref name="file"/> is the name used in diagnostics.</summary>
    public static OrganizationDocument Read(string text, string file, string? configDirectory = null)
    {
        var bag = new DiagnosticBag(file);
        var root = DocumentRoot.Parse(text, bag, PolicyMessages.OrganizationExpected, out var unreadable);
        return FromRoot(root, bag, unreadable, configDirectory);
    }

    /// <summary>Reads a document already parsed into <paramref name="bag"/>'s file.</summary>
    internal static OrganizationDocument FromParsed(YamlParseResult parsed, DiagnosticBag bag, string? configDirectory = null) =>
        FromRoot(DocumentRoot.FromParsed(parsed, bag, PolicyMessages.OrganizationExpected), bag, unreadable: false, configDirectory);

    private static OrganizationDocument FromRoot(YamlMapping? root, DiagnosticBag bag, bool unreadable, string? configDirectory)
    {
        var file = bag.File;
        if (root is null)
        {
            return new OrganizationDocument(file, null, [], bag.ToImmutable()) { IsUnreadable = unreadable };
        }

        var parser = new OrganizationParser(new NodeReader(bag), new AppInterfaceReferences(file, configDirectory));
        var policy = parser.Read(root);
        var orgIdAt = root.Find("orgId")?.Value;
        return new OrganizationDocument(file, policy, [.. parser.ClusterNames], bag.ToImmutable())
        {
            OrgIdLine = orgIdAt?.Line ?? 0,
            OrgIdColumn = orgIdAt?.Column ?? 0,
        };
    }
}
