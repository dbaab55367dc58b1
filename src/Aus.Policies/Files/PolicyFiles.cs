using Aus.Policies.Diagnostics;
using Aus.Policies.Fleet;
using Aus.Policies.History;
using Aus.Policies.Organizations;
using Aus.Policies.Yaml;

namespace Aus.Policies.Files;

/// <summary>Tells the kinds of file apart by their top-level keys, and validates any of them.</summary>
public static class PolicyFiles
{
    /// <summary>
    /// The kind of a file, the one classification every command uses: an app-interface file of
    /// another schema names it in $schema, a fleet snapshot has organizations (or versionGates,
    /// releases), a soak history has versions or check_in or is the empty object, a settings file
    /// has environments; anything else, including a file that does not parse, is read as an
    /// organization file, whose reader explains what is wrong.
    /// </summary>
    public static PolicyFileKind Classify(string text) => Classify(YamlTreeParser.Parse(text, new DiagnosticBag(string.Empty)));

    /// <summary>
    /// Whether a file is recognisably an organization file: it parses and has a top-level orgId or the
    /// organization $schema. Unlike <see cref="Classify(string)"/>, a file that does not parse is not one.
    /// </summary>
    public static bool IsOrganizationFile(string text)
    {
        var parsed = YamlTreeParser.Parse(text, new DiagnosticBag(string.Empty));
        return parsed.Root is YamlMapping root
            && Classify(parsed) == PolicyFileKind.Organization
            && (root.Has("orgId") || root.Find("$schema")?.Value is YamlScalar { IsNull: false });
    }

    /// <summary>
    /// Reads a file as an organization file unless <see cref="Classify(string)"/> tells it is a fleet
    /// snapshot, a history or another app-interface file (then null). The one parse serves both, where classifying and then
    /// reading would parse every organization file twice.
    /// </summary>
    public static OrganizationDocument? ReadIfOrganization(SourceText source)
    {
        if (source.Text is null || SourceFiles.CheckText(source.File, source.Text) is not null)
        {
            return OrganizationReader.FromSource(source);
        }

        var bag = new DiagnosticBag(source.File);
        var parsed = YamlTreeParser.Parse(source.Text, bag);
        return Classify(parsed) == PolicyFileKind.Organization ? OrganizationReader.FromParsed(parsed, bag) : null;
    }

    /// <summary>
    /// What a file given as a fleet snapshot recognisably is instead: an organization file (it parses and
    /// has a top-level orgId or the organization $schema), a soak history or a settings file; null for a
    /// fleet snapshot and for anything not recognisable, which the fleet reader explains.
    /// </summary>
    internal static PolicyFileKind? KindOtherThanFleet(YamlParseResult parsed)
    {
        if (parsed.Root is not YamlMapping root)
        {
            return null;
        }

        return Classify(parsed) switch
        {
            PolicyFileKind.Organization when root.Has("orgId") || root.Find("$schema")?.Value is YamlScalar { IsNull: false } => PolicyFileKind.Organization,
            PolicyFileKind.History => PolicyFileKind.History,
            PolicyFileKind.Settings => PolicyFileKind.Settings,
            _ => null,
        };
    }

    private static PolicyFileKind Classify(YamlParseResult parsed)
    {
        var root = parsed.Root as YamlMapping;
        if (root is null)
        {
            return PolicyFileKind.Organization;
        }

        if (root.Find("$schema")?.Value is YamlScalar { IsNull: false } schema && !string.Equals(schema.Text, PolicyMessages.OrganizationSchema, StringComparison.Ordinal))
        {
            return PolicyFileKind.OtherAppInterfaceFile;
        }

        if (root.Has("organizations") || root.Has("versionGates") || root.Has("releases"))
        {
            return PolicyFileKind.Fleet;
        }

        if (root.Has("environments"))
        {
            return PolicyFileKind.Settings;
        }

        // An empty object is the empty history (what a first run starts from), not an organization missing every key.
        return root.Has("versions") || root.Has("check_in") || root.Entries.Count == 0 ? PolicyFileKind.History : PolicyFileKind.Organization;
    }

    /// <summary>
    /// Every problem of a file of any kind, the kind it was read as, and, for an organization file,
    /// the document (for checks across files). A fleet snapshot or organization file is parsed once
    /// for its kind and its content.
    /// </summary>
    public static (PolicyFileKind Kind, IReadOnlyList<Diagnostic> Diagnostics, OrganizationDocument? Organization) Validate(SourceText source)
    {
        if (source.Text is null)
        {
            return (PolicyFileKind.Organization, [source.Error!], null);
        }

        if (SourceFiles.CheckText(source.File, source.Text) is not null)
        {
            // Not text (binary, bad encoding): each reader reports that itself.
            var unreadableKind = Classify(source.Text);
            if (unreadableKind == PolicyFileKind.Organization)
            {
                var document = OrganizationReader.FromSource(source);
                return (unreadableKind, document.Diagnostics, document);
            }

            return (unreadableKind, DiagnosticsOf(unreadableKind, source, null, null), null);
        }

        var bag = new DiagnosticBag(source.File);
        var parsed = YamlTreeParser.Parse(source.Text, bag);
        var kind = Classify(parsed);
        if (kind == PolicyFileKind.Organization)
        {
            var organization = OrganizationReader.FromParsed(parsed, bag);
            return (kind, organization.Diagnostics, organization);
        }

        return (kind, DiagnosticsOf(kind, source, parsed, bag), null);
    }

    /// <summary>The problems of a file that is not an organization file; a fleet snapshot already parsed is read from its tree.</summary>
    private static IReadOnlyList<Diagnostic> DiagnosticsOf(PolicyFileKind kind, SourceText source, YamlParseResult? parsed, DiagnosticBag? bag) => kind switch
    {
        PolicyFileKind.Fleet when parsed is not null && bag is not null => FleetReader.FromParsed(parsed, bag).Diagnostics,
        PolicyFileKind.Fleet => FleetReader.Read(source.Text!, source.File).Diagnostics,
        PolicyFileKind.History => HistoryReader.Read(source.Text!, source.File).Diagnostics,
        PolicyFileKind.OtherAppInterfaceFile => [SourceFiles.FileWarning(source.File, PolicyMessages.NotAPolicyFile)],
        PolicyFileKind.Settings => [new Diagnostic(source.File, 1, 1, DiagnosticSeverity.Warning, PolicyMessages.SettingsNotValidatedHere)],
        _ => OrganizationReader.Read(source.Text!, source.File).Diagnostics,
    };
}
