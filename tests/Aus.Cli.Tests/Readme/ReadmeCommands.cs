using Aus.TestKit;

namespace Aus.Cli.Tests.Readme;

/// <summary>
/// The commands of README.md, read from its ```sh code blocks, so that the tests run what the
/// README says and the two cannot drift apart.
/// </summary>
internal static class ReadmeCommands
{
    public static string ReadmePath => Path.Combine(RepositoryPaths.Root, "README.md");

    /// <summary>Every code block of the README with its commands, keyed by the heading it is under.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<string> Lines)> Blocks { get; } = Read();

    public static IEnumerable<string> All => Blocks.SelectMany(b => b.Lines);

    public static IReadOnlyList<string> Under(string heading) =>
        Blocks.Where(b => b.Heading == heading).SelectMany(b => b.Lines).ToList();

    /// <summary>Splits a command line into words; the README's commands need no quoting.</summary>
    public static string[] Words(string line)
    {
        line.ShouldNotContain("\"", customMessage: "README commands are split on spaces; quoting would need a shell");
        line.ShouldNotContain("'");
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static List<(string, IReadOnlyList<string>)> Read()
    {
        var blocks = new List<(string, IReadOnlyList<string>)>();
        var heading = string.Empty;
        List<string>? block = null;
        foreach (var raw in File.ReadAllLines(ReadmePath))
        {
            var line = raw.TrimEnd();
            if (block is null && line.StartsWith("## ", StringComparison.Ordinal))
            {
                heading = line[3..];
            }
            else if (block is null && line.StartsWith("```", StringComparison.Ordinal))
            {
                line.ShouldBe("```sh", "every code block of the README holds shell commands, so that its test can run them");
                block = [];
            }
            else if (block is not null && line == "```")
            {
                blocks.Add((heading, block));
                block = null;
            }
            else if (block is not null && line.Length > 0 && !line.StartsWith('#'))
            {
                line.ShouldNotEndWith("\\", "a command continued on the next line");
                block.Add(line);
            }
        }

        block.ShouldBeNull("an unclosed code block");
        return blocks;
    }
}
