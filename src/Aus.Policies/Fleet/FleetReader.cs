using Aus.Policies.Diagnostics;
using Aus.Policies.Files;
using Aus.Policies.Yaml;

namespace Aus.Policies.Fleet;

/// <summary>
/// Reads a fleet snapshot (YAML or JSON, docs/policy-reference.md "Fleet snapshot"): what OCM knows of the clusters.
/// Every problem is reported at once; never throws for bad input.
/// </summary>
public static class FleetReader
{
    public static async Task<FleetDocument> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var source = await SourceFiles.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        return FromSource(source);
    }

    public static FleetDocument FromSource(SourceText source) =>
        source.Text is null
            ? new FleetDocument(source.File, null, [], [source.Error!]) { IsUnreadable = true }
            : Read(source.Text, source.File);

    /// <summary>Reads the text of a fleet file; <paramref name="file"/> is the name used in diagnostics.</summary>
    public static FleetDocument Read(string text, string file)
    {
        var bag = new DiagnosticBag(file);
        if (SourceFiles.CheckText(file, text) is { } fileError)
        {
            bag.Error(fileError.Line, fileError.Column, fileError.Message);
            return new FleetDocument(file, null, [], bag.ToImmutable()) { IsUnreadable = true };
        }

        // One parse serves both the kind of the file and its content: a fleet snapshot is the largest file aus reads.
        return FromParsed(YamlTreeParser.Parse(text, bag), bag);
    }

    /// <summary>Reads a document already parsed into <paramref name="bag"/>'s file.</summary>
    internal static FleetDocument FromParsed(YamlParseResult parsed, DiagnosticBag bag)
    {
        var file = bag.File;
        var otherKind = PolicyFiles.KindOtherThanFleet(parsed);
        var root = DocumentRoot.FromParsed(parsed, bag, PolicyMessages.FleetExpected);
        if (root is null)
        {
            return new FleetDocument(file, null, [], bag.ToImmutable()) { OtherKind = otherKind };
        }

        var parser = new FleetParser(new NodeReader(bag));
        var snapshot = parser.Read(root);
        return new FleetDocument(file, snapshot, [.. parser.Releases], bag.ToImmutable()) { OtherKind = otherKind };
    }
}
