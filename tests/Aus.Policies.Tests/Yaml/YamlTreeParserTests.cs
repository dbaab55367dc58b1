using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Yaml;

/// <summary>Problems with the document itself, before any field is looked at.</summary>
public sealed class YamlTreeParserTests
{
    private static string[] Read(string text) =>
        [.. OrganizationReader.Read(text, "f.yaml").Diagnostics.Select(d => d.ToString())];

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void EmptyDocument_IsAClearError(string text)
    {
        var document = OrganizationReader.Read(text, "f.yaml");

        document.Policy.ShouldBeNull();
        document.Diagnostics.Single().Message.ShouldBe("the file is empty; expected a mapping with name, orgId and upgradePolicyClusters");
    }

    [Theory]
    [InlineData("- a\n- b\n", "f.yaml:1:1: error: the document is a list; expected a mapping with name, orgId and upgradePolicyClusters")]
    [InlineData("just text\n", "f.yaml:1:1: error: the document is 'just text'; expected a mapping with name, orgId and upgradePolicyClusters")]
    [InlineData("42\n", "f.yaml:1:1: error: the document is 42; expected a mapping with name, orgId and upgradePolicyClusters")]
    public void NonMappingDocument_IsAClearError(string text, string expected)
    {
        Read(text).ShouldBe([expected]);
    }

    [Theory]
    [InlineData("name: a\norgId: b\nfoo: [\n", "f.yaml:4:1: error: YAML syntax error: While parsing a node, did not find expected node content")]
    [InlineData("name: a\n  orgId: b\n", "f.yaml:2:8: error: YAML syntax error: While scanning a plain scalar value, found invalid mapping")]
    [InlineData("name: 'a\n", "f.yaml:1:7: error: YAML syntax error: While scanning a quoted scalar, found unexpected end of stream")]
    [InlineData("{\"name\": \"a\",, }", "f.yaml:1:14: error: YAML syntax error: While parsing a node, did not find expected node content")]
    public void SyntaxError_IsReportedAtItsPosition(string text, string expected)
    {
        Read(text).ShouldBe([expected]);
    }

    [Theory]
    [InlineData("name: a\nschedule: * * * * *\n")]
    [InlineData("name: a\nschedule: *\n")]
    public void UnquotedStar_SaysToQuoteTheValue(string text)
    {
        var message = Read(text).ShouldHaveSingleItem();
        message.ShouldStartWith("f.yaml:2:");
        message.ShouldContain("a value starting with '*' must be quoted");
    }

    [Fact]
    public void BlockEntryInAnUnclosedFlowList_IsASyntaxErrorNotAnException()
    {
        // Regression: YamlDotNet throws InvalidOperationException here rather than a YamlException.
        Read("name: a\norgId: b\nmutexes: [blue\n- name: c\n").ShouldBe([
            "f.yaml:3:10: error: YAML syntax error: cannot parse what follows this point; look for an unclosed '[' or '{'",
        ]);
    }

    [Fact]
    public void SecondDocument_IsAnError()
    {
        Read("name: a\norgId: b\n---\nname: c\n").ShouldBe(["f.yaml:3:1: error: a second YAML document ('---') was found; a file holds exactly one document"]);
    }

    [Fact]
    public void DuplicateKeys_AreEachReported()
    {
        Read("name: a\norgId: b\nname: c\norgId: d\n").ShouldBe([
            "f.yaml:3:1: error: duplicate key 'name'; it is already defined on line 1",
            "f.yaml:4:1: error: duplicate key 'orgId'; it is already defined on line 2",
        ]);
    }

    [Fact]
    public void DuplicateKeys_InALargeMapping_AreReportedAtTheFirstDefinition()
    {
        // Past a few keys the parser looks keys up in a dictionary instead of scanning: same answers.
        var keys = string.Concat(Enumerable.Range(1, 12).Select(i => $"k{i}: {i}\n"));

        var bag = new Aus.Policies.Diagnostics.DiagnosticBag("f.yaml");
        var parsed = Aus.Policies.Yaml.YamlTreeParser.Parse($"name: a\norgId: b\n{keys}k3: again\nname: again\nk12: again\n", bag);

        ((Aus.Policies.Yaml.YamlMapping)parsed.Root!).Entries.Count.ShouldBe(14);
        bag.ToImmutable().Select(d => d.ToString()).ShouldBe([
            "f.yaml:15:1: error: duplicate key 'k3'; it is already defined on line 5",
            "f.yaml:16:1: error: duplicate key 'name'; it is already defined on line 1",
            "f.yaml:17:1: error: duplicate key 'k12'; it is already defined on line 14",
        ]);
    }

    [Fact]
    public void DuplicateKeys_InJson_AreReported()
    {
        Read("{\"name\": \"a\", \"orgId\": \"b\", \"name\": \"c\"}").ShouldBe(["f.yaml:1:29: error: duplicate key 'name'; it is already defined on line 1"]);
    }

    [Fact]
    public void AnchorsAndAliases_AreResolved()
    {
        var text = "name: a\norgId: b\nupgradePolicyAllowedWorkloads: &w [svc]\nupgradePolicyClusters:\n- name: c\n  upgradePolicy: {workloads: *w, schedule: '0 0 * * *'}\n";

        var document = OrganizationReader.Read(text, "f.yaml");

        document.Diagnostics.ShouldBeEmpty();
        document.Policy!.Clusters.Single().Workloads.Single().Value.ShouldBe("svc");
    }

    [Fact]
    public void UnknownAlias_IsAnError()
    {
        Read("name: a\norgId: b\nupgradePolicyClusters: *nope\n").ShouldBe(["f.yaml:3:24: error: alias '*nope' refers to no anchor defined before it"]);
    }

    [Fact]
    public void NonScalarKey_IsAnError()
    {
        Read("name: a\norgId: b\n? [x]\n: y\n").ShouldBe(["f.yaml:3:3: error: a mapping key must be a string, found a list"]);
    }

    [Fact]
    public void DeeplyNestedInput_IsReportedNotAStackOverflow()
    {
        var text = "name: a\norgId: b\nsectors: " + new string('[', 50_000) + new string(']', 50_000) + "\n";

        Read(text).ShouldBe(["f.yaml:3:73: error: the document nests lists and mappings more than 64 levels deep"]);
    }

    [Fact]
    public void QuotedScalars_AreStrings_PlainOnesAreTyped()
    {
        Read("name: a\norgId: b\nsectors: [{name: s, maxParallelUpgrades: '3'}]\n").ShouldBeEmpty();
        Read("name: a\norgId: b\nsectors: [{name: s, maxParallelUpgrades: true}]\n").ShouldBe([
            "f.yaml:3:42: error: sectors[0].maxParallelUpgrades: true is not a valid maxParallelUpgrades; expected a positive integer such as \"2\" or an integer percentage such as \"50%\"",
        ]);
    }
    [Fact]
    public void AliasBomb_IsRefusedOnceItsExpansionPassesTheBudget()
    {
        // Nine levels of ten aliases each: a billion nodes if expanded.
        var text = new System.Text.StringBuilder("name: a\norgId: b\nl0: &l0 [x]\n");
        for (var level = 1; level < 10; level++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        var document = OrganizationReader.Read(text.ToString(), "f.yaml");

        document.Policy.ShouldBeNull();
        document.Diagnostics.Select(d => d.ToString()).ShouldBe([
            $"f.yaml:8:25: error: the aliases of this file expand to more than {Aus.Policies.Yaml.YamlTreeParser.MaxAliasExpansion} values; write the values out instead of aliasing them",
        ]);
    }

    [Fact]
    public void AliasInsideItsOwnAnchor_IsAnError_NotACycle()
    {
        Read("name: a\norgId: b\nsectors: &s [*s]\n").ShouldBe([
            "f.yaml:3:14: error: alias '*s' refers to a value that contains it",
        ]);
    }

    [Fact]
    public void EveryReader_CapsItsDiagnostics_AndSaysHowManyMoreThereWere()
    {
        var keys = string.Concat(Enumerable.Range(0, 2000).Select(i => $"k{i}: 1\n"));

        var diagnostics = OrganizationReader.Read("name: a\norgId: b\n" + keys, "f.yaml").Diagnostics;

        diagnostics.Length.ShouldBe(Aus.Policies.Diagnostics.DiagnosticBag.MaxDiagnostics + 1);
        diagnostics[^1].ToString().ShouldStartWith("f.yaml: error: ");
        diagnostics[^1].Message.ShouldContain("more problems not shown");
    }
}
