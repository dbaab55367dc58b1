using System.Text;

namespace Aus.Policies.Tests.Yaml;

/// <summary>
/// Random documents in the plain YAML that policy files and fleet snapshots are written in: block
/// mappings and lists (indented, at their key's indentation, compact after "- "), one-line flow
/// lists and mappings, plain and quoted scalars of every kind, comments and blank lines anywhere.
/// The same seed gives the same document.
/// </summary>
internal static class GeneratedYaml
{
    private const int MaxDepth = 5;

    private static readonly string[] Keys =
        ["name", "id", "version", "channel", "a", "b", "orgId", "x-y", "k 1", "'quoted key'", "\"dq key\"", "1", "true", "a.b", "x_y", "availableUpgrades"];

    // Scalars both contexts read alike.
    private static readonly string[] FlowScalars =
    [
        "a", "stage-1", "4.16.2", "4.16", "-1", "0", "12", "1.5", "1e3", "true", "False", "null", "~", "x y z", "it's", "0 13 * * 1-5",
        "^4\\.16\\..*$", "a!b", "a&b", "a*b", "a|b", "a>b", "a%b", "a@b", "a`b", "a\"b", "'quoted'", "'it''s'", "'a: b'", "'#x'", "\"dq\"",
        "\"a, b\"", "''", "\"\"", "'[x]'", ".5", "+1", "0x1F", "0o17", ".inf", "-.inf", ".nan", "_x", "/path/x", "(a)", "$v", "\\d",
        "id-c-000000-00001", "uuid-c-000000-00001", "stable-4.16", "-.5", "a - b", "a -b",
    ];

    // Block context also reads a colon or a comma inside a plain scalar.
    private static readonly string[] BlockScalars = [.. FlowScalars, "a:b", "https://api.example.com/x?y=1", "a,b", "2026-11-20T10:00:00+00:00", "a, b"];

    public static string Document(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append("# a comment\n\n");
        }

        var indent = random.Next(4) == 0 ? random.Next(1, 3) : 0;
        text.Append(' ', indent);
        if (random.Next(5) == 0)
        {
            BlockList(random, text, indent, 0);
        }
        else
        {
            BlockMapping(random, text, indent, 0);
        }

        return text.ToString();
    }

    // Each block writer starts where the cursor is (its first line's indentation already written)
    // and ends after a line end.
    private static void BlockMapping(Random random, StringBuilder text, int indent, int depth)
    {
        var keys = Keys.OrderBy(_ => random.Next()).Take(random.Next(1, 6)).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0)
            {
                Gap(random, text);
                text.Append(' ', indent);
            }

            text.Append(keys[i]).Append(':');
            BlockValue(random, text, indent, depth);
        }
    }

    private static void BlockValue(Random random, StringBuilder text, int indent, int depth)
    {
        var choice = depth >= MaxDepth ? random.Next(2) : random.Next(6);
        switch (choice)
        {
            case 0:
                text.Append(' ', random.Next(1, 3)).Append(Pick(random, BlockScalars));
                LineEnd(random, text);
                break;
            case 1:
                text.Append(' ');
                Flow(random, text, depth + 1);
                LineEnd(random, text);
                break;
            case 2:
            case 3:
                var child = indent + random.Next(1, 4);
                LineEnd(random, text);
                Gap(random, text);
                text.Append(' ', child);
                if (choice == 2)
                {
                    BlockMapping(random, text, child, depth + 1);
                }
                else
                {
                    BlockList(random, text, child, depth + 1);
                }

                break;
            case 4:
                // A list at its key's indentation.
                LineEnd(random, text);
                text.Append(' ', indent);
                BlockList(random, text, indent, depth + 1);
                break;
            default:
                LineEnd(random, text);
                text.Append(' ', indent + random.Next(1, 4)).Append(Pick(random, BlockScalars)).Append('\n');
                break;
        }
    }

    private static void BlockList(Random random, StringBuilder text, int indent, int depth)
    {
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                Gap(random, text);
                text.Append(' ', indent);
            }

            text.Append('-');
            var choice = depth >= MaxDepth ? random.Next(2) : random.Next(6);
            var gap = random.Next(1, 4);
            switch (choice)
            {
                case 0:
                    text.Append(' ', gap).Append(Pick(random, BlockScalars));
                    LineEnd(random, text);
                    break;
                case 1:
                    text.Append(' ', gap);
                    Flow(random, text, depth + 1);
                    LineEnd(random, text);
                    break;
                case 2:
                    text.Append(' ', gap);
                    BlockMapping(random, text, indent + 1 + gap, depth + 1);
                    break;
                case 3:
                    text.Append(' ', gap);
                    BlockList(random, text, indent + 1 + gap, depth + 1);
                    break;
                default:
                    var child = indent + random.Next(1, 4);
                    LineEnd(random, text);
                    text.Append(' ', child);
                    if (choice == 4)
                    {
                        BlockMapping(random, text, child, depth + 1);
                    }
                    else
                    {
                        text.Append(Pick(random, BlockScalars)).Append('\n');
                    }

                    break;
            }
        }
    }

    private static void Flow(Random random, StringBuilder text, int depth)
    {
        var count = random.Next(0, 5);
        var mapping = random.Next(3) == 0;
        var keys = Keys.OrderBy(_ => random.Next()).Take(count).ToArray();
        text.Append(mapping ? '{' : '[').Append(' ', random.Next(2));
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(' ', random.Next(2)).Append(',').Append(' ', random.Next(3));
            }

            if (mapping)
            {
                text.Append(keys[i]).Append(':').Append(' ', random.Next(1, 3));
            }

            if (depth < MaxDepth && random.Next(5) == 0)
            {
                Flow(random, text, depth + 1);
            }
            else
            {
                text.Append(Pick(random, FlowScalars));
            }
        }

        text.Append(' ', count == 0 ? 0 : random.Next(2)).Append(mapping ? '}' : ']');
    }

    private static void LineEnd(Random random, StringBuilder text)
    {
        if (random.Next(6) == 0)
        {
            text.Append(' ', random.Next(1, 3)).Append("# note: - [x] {y}");
        }
        else if (random.Next(8) == 0)
        {
            text.Append(' ');
        }

        text.Append('\n');
    }

    // Blank and comment lines between entries, at any indentation.
    private static void Gap(Random random, StringBuilder text)
    {
        switch (random.Next(10))
        {
            case 0:
                text.Append('\n');
                break;
            case 1:
                text.Append(' ', random.Next(0, 8)).Append("# between\n");
                break;
            case 2:
                text.Append("   \n");
                break;
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
