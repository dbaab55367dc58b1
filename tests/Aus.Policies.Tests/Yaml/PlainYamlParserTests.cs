using System.Text;
using Aus.Policies.Organizations;
using Aus.Policies.Yaml;
using CsCheck;

namespace Aus.Policies.Tests.Yaml;

/// <summary>
/// The fast parser for plain YAML reads what it takes exactly as YamlDotNet does (same tree, same
/// positions), takes the files aus and its users write, and leaves everything else to YamlDotNet.
/// </summary>
public sealed class PlainYamlParserTests
{
    public static TheoryData<string> YamlExamples => new(
        Directory.EnumerateFiles(Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(YamlExamples))]
    public void Example_IsReadByTheFastParser_AsYamlDotNetReadsIt(string example)
    {
        var text = File.ReadAllText(Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", example));

        PlainYamlAgreement.Check(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("simple-org.yaml")]
    [InlineData("sectors-org.yaml")]
    [InlineData("safety-org.yaml")]
    public void OrganizationFileAusWrites_IsReadByTheFastParser_AsYamlDotNetReadsIt(string example)
    {
        var policy = OrganizationReader.Read(File.ReadAllText(Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", example)), example).Policy!;

        PlainYamlAgreement.Check(OrganizationWriter.Write(policy)).ShouldBeTrue();
    }

    [Fact]
    public void GeneratedDocument_IsReadByTheFastParser_AsYamlDotNetReadsIt() =>
        Gen.Int.Sample(seed => PlainYamlAgreement.Check(GeneratedYaml.Document(seed)).ShouldBeTrue(), iter: 3000, threads: 1);

    [Fact]
    public void TokenSoup_WhenTheFastParserTakesIt_IsReadAsYamlDotNetReadsIt()
    {
        var taken = 0;
        Gen.OneOfConst(Tokens).Array[1, 30].Sample(
            tokens =>
            {
                if (PlainYamlAgreement.Check(string.Concat(tokens)))
                {
                    Interlocked.Increment(ref taken);
                }
            },
            iter: 20_000,
            threads: 1);

        // The property says something only if the fast parser takes a fair share of the soup.
        taken.ShouldBeGreaterThan(500);
    }

    private static readonly string[] Tokens =
    [
        "a", "b", "key", "4.16.2", "-1", "0", "1.5", "true", "null", "~", "x y", ":", ": ", ":\n", "- ", "-", "\n", "\n  ", "\n    ", "\n- ",
        "\n  - ", "[", "]", "{", "}", ", ", ",", "'", "'q'", "''", "\"", "\"d\"", "#", " #c", " # c\n", "*", "&a", "*a", "!", "!!str ", "?", "? ",
        "|", ">", "---", "...", "%", "@", ".", "\\", "\t", "\r\n", "  ", " ", "é", "a: b\n", "- a\n", "k: [x, y]\n", "k: {a: 1}\n",
    ];

    [Theory]
    [InlineData("a: 1\n", "1:1 mapping\n  1:1 String <a>\n    1:4 Integer <1>\n")]
    [InlineData("- x: 'it''s'\n  y: \"q\"\n", "1:1 list\n  1:3 mapping\n    1:3 String <x>\n      1:6 String <it's>\n    2:3 String <y>\n      2:6 String <q>\n")]
    [InlineData("k:\n- a\n- [b, {c: d}]\n", "1:1 mapping\n  1:1 String <k>\n    2:1 list\n      2:3 String <a>\n      3:3 list\n        3:4 String <b>\n        3:7 mapping\n          3:8 String <c>\n            3:11 String <d>\n")]
    [InlineData("# c\n\nk:   0 13 * * 1-5   # when\n", "3:1 mapping\n  3:1 String <k>\n    3:6 String <0 13 * * 1-5>\n")]
    public void PlainDocument_GivesTheTreeWithPositions(string text, string expected)
    {
        PlainYamlAgreement.Dump(PlainYamlParser.TryParse(text).ShouldNotBeNull()).ShouldBe(expected);
        PlainYamlAgreement.Check(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("", "nothing to read")]
    [InlineData("# only a comment\n", "nothing to read")]
    [InlineData("a: &x 1\nb: *x\n", "anchor and alias")]
    [InlineData("a: !!str 1\n", "tag")]
    [InlineData("a: |\n  text\n", "block scalar")]
    [InlineData("a: >-\n  text\n", "folded scalar")]
    [InlineData("a: one\n  two\n", "multi-line plain scalar")]
    [InlineData("a: 'one\n  two'\n", "multi-line quoted scalar")]
    [InlineData("a: [x,\n  y]\n", "flow list over two lines")]
    [InlineData("a:\nb: 1\n", "empty value")]
    [InlineData("- \n- a\n", "empty list item")]
    [InlineData("---\na: 1\n", "document marker")]
    [InlineData("a: 1\n...\n", "document end marker")]
    [InlineData("a: 1\na: 2\n", "duplicate key")]
    [InlineData("{a: 1, a: 2}\n", "duplicate key in a flow mapping")]
    [InlineData("a : 1\n", "space before the colon")]
    [InlineData("a: [x, y,]\n", "trailing comma")]
    [InlineData("a: [x, y\n", "unclosed flow list")]
    [InlineData("a: \"x\\ty\"\n", "escape")]
    [InlineData("a:\t1\n", "tab")]
    [InlineData("a: 1\r\nb: 2\r\n", "CR LF line ends")]
    [InlineData("\uFEFFa: 1\n", "byte order mark")]
    [InlineData("a: ünï\n", "non-ASCII text")]
    [InlineData("a: b: c\n", "a second colon")]
    [InlineData("a: x#y\n", "a # inside a plain scalar")]
    [InlineData("a: x[0]\n", "brackets inside a plain scalar")]
    [InlineData("a: [x:y]\n", "a colon inside a plain scalar in a flow list")]
    [InlineData("? a\n: 1\n", "complex key")]
    [InlineData("a: 1\n  b: 2\n", "a key indented past its mapping")]
    [InlineData("schedule: * * * * *\n", "a value starting with '*'")]
    [InlineData("a *b: 0\n", "a key whose last word starts with '*' (one scalar to YamlDotNet)")]
    [InlineData("{a *: 0}\n", "a flow key whose last word starts with '*'")]
    public void OtherYaml_IsLeftToYamlDotNet(string text, string what)
    {
        PlainYamlParser.TryParse(text).ShouldBeNull(what);
    }

    [Fact]
    public void DeepNesting_IsLeftToYamlDotNet_WhichReportsIt()
    {
        var text = new StringBuilder();
        for (var depth = 0; depth < 70; depth++)
        {
            text.Append(' ', depth * 2).Append("k:\n");
        }

        text.Append(' ', 140).Append("v: 1\n");

        PlainYamlParser.TryParse(text.ToString()).ShouldBeNull();
    }
}
