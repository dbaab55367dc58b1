using System.Text;
using Aus.Policies.Diagnostics;
using Aus.Policies.Yaml;

namespace Aus.Policies.Tests.Yaml;

/// <summary>
/// The differential check of the fast YAML parser: whatever it accepts, YamlDotNet's path parses
/// without a single diagnostic into the same tree (node kinds, texts, scalar kinds and positions).
/// </summary>
internal static class PlainYamlAgreement
{
    /// <summary>True when the fast parser took <paramref name="text"/> (and agreed); false when it gave up.</summary>
    public static bool Check(string text)
    {
        var fast = PlainYamlParser.TryParse(text);
        if (fast is null)
        {
            return false;
        }

        var bag = new DiagnosticBag("f.yaml");
        var slow = YamlTreeParser.ParseWithYamlDotNet(text, bag);
        var context = "for the text:\n" + text;
        bag.ToImmutable().Select(d => d.ToString()).ShouldBeEmpty(context);
        slow.Failed.ShouldBeFalse(context);
        slow.Root.ShouldNotBeNull(context);
        Dump(fast).ShouldBe(Dump(slow.Root), context);
        return true;
    }

    /// <summary>The tree as text, one node a line, with every position.</summary>
    public static string Dump(YamlNode root)
    {
        var text = new StringBuilder();
        Dump(root, 0, text);
        return text.ToString();
    }

    private static void Dump(YamlNode node, int depth, StringBuilder text)
    {
        text.Append(' ', depth * 2).Append(node.Line).Append(':').Append(node.Column).Append(' ');
        switch (node)
        {
            case YamlScalar scalar:
                text.Append(scalar.Kind).Append(" <").Append(scalar.Text).Append(">\n");
                break;
            case YamlSequence sequence:
                text.Append("list\n");
                foreach (var item in sequence.Items)
                {
                    Dump(item, depth + 1, text);
                }

                break;
            case YamlMapping mapping:
                text.Append("mapping\n");
                foreach (var entry in mapping.Entries)
                {
                    Dump(entry.Key, depth + 1, text);
                    Dump(entry.Value, depth + 2, text);
                }

                break;
        }
    }
}
