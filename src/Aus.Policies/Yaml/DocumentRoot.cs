using Aus.Policies.Diagnostics;
using Aus.Policies.Files;

namespace Aus.Policies.Yaml;

/// <summary>Parses a whole file and insists on a mapping at the top, reporting empty and non-mapping documents.</summary>
internal static class DocumentRoot
{
    public static YamlMapping? Parse(string text, DiagnosticBag bag, string expected, out bool unreadable)
    {
        unreadable = false;
        if (SourceFiles.CheckText(bag.File, text) is { } fileError)
        {
            bag.Error(fileError.Line, fileError.Column, fileError.Message);
            unreadable = true;
            return null;
        }

        return FromParsed(YamlTreeParser.Parse(text, bag), bag, expected);
    }

    /// <summary>The top-level mapping of a document already parsed (with its problems in <paramref name="bag"/>).</summary>
    public static YamlMapping? FromParsed(YamlParseResult parsed, DiagnosticBag bag, string expected)
    {
        if (parsed.Failed)
        {
            return null;
        }

        switch (parsed.Root)
        {
            case null or YamlScalar { IsNull: true }:
                bag.Error(parsed.Root?.Line ?? 1, parsed.Root?.Column ?? 1, PolicyMessages.EmptyFile(expected));
                return null;
            case YamlMapping mapping:
                return mapping;
            default:
                bag.Error(parsed.Root, PolicyMessages.NotAMapping(parsed.Root.Describe(), expected));
                return null;
        }
    }
}
