using System.CommandLine;
using System.CommandLine.Help;

namespace Aus.Cli.Tests.Usage;

/// <summary>
/// aus writes `--help` itself (HelpWriter, compiled ahead of time) and must write exactly what
/// System.CommandLine's own help writes: for every command of aus, and for a tree that uses what aus
/// does not (yet), at a narrow, a usual, a wide and an unbounded (redirected) width.
/// </summary>
public sealed class HelpWriterTests
{
    private static readonly int[] Widths = [30, 52, 80, 132, int.MaxValue];

    public static TheoryData<string, int> AusCommands()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in CommandPaths(AusCommandLine.Create(), ""))
        {
            foreach (var width in Widths)
            {
                data.Add(path, width);
            }
        }

        return data;
    }

    public static TheoryData<string, int> SampleCommands()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in CommandPaths(SampleTree(), ""))
        {
            foreach (var width in Widths)
            {
                data.Add(path, width);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AusCommands))]
    public void AusHelp_IsSystemCommandLinesHelp_ForEveryCommand(string path, int width)
    {
        var ours = Help(AusCommandLine.Create(), path, ours: true, width);
        var theirs = Help(AusCommandLine.Create(), path, ours: false, width);

        ours.ShouldContain("Usage:");
        ours.ShouldBe(theirs);
    }

    [Theory]
    [MemberData(nameof(SampleCommands))]
    public void AusHelp_IsSystemCommandLinesHelp_ForAliasesArgumentsDefaultsAndHiddenSymbols(string path, int width)
    {
        var ours = Help(WithOurHelp(SampleTree()), path, ours: true, width);
        var theirs = Help(SampleTree(), path, ours: false, width);

        ours.ShouldContain("Usage:");
        ours.ShouldBe(theirs);
    }

    [Fact]
    public void AHiddenCommand_GetsNoHelp_AsWithSystemCommandLine()
    {
        var ours = Help(WithOurHelp(SampleTree()), "secret", ours: true, 80);

        ours.ShouldBeEmpty();
        Help(SampleTree(), "secret", ours: false, 80).ShouldBeEmpty();
    }

    [Fact]
    public void EveryCommandsHelpOption_RunsOurWriter()
    {
        var root = AusCommandLine.Create();
        foreach (var path in CommandPaths(root, ""))
        {
            root.Parse([.. Words(path), "--help"]).Action.ShouldBeOfType<HelpOptionAction>(path);
        }
    }

    /// <summary>The help of the command at <paramref name="path"/>, by our writer or by System.CommandLine's own help action.</summary>
    private static string Help(RootCommand root, string path, bool ours, int width)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (ours)
        {
            help.Action.ShouldBeOfType<HelpOptionAction>().MaxWidth = width;
        }
        else
        {
            help.Action = new HelpAction { MaxWidth = width };
        }

        using var output = new StringWriter();
        var exitCode = root.Parse([.. Words(path), "--help"]).Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null });
        exitCode.ShouldBe(0);
        return output.ToString();
    }

    private static string[] Words(string path) => path.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static RootCommand WithOurHelp(RootCommand root)
    {
        HelpOptionAction.UseFor(root);
        return root;
    }

    /// <summary>The paths of the command and of its listed subcommands, down the tree.</summary>
    private static IEnumerable<string> CommandPaths(Command command, string path)
    {
        yield return path;
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var found in CommandPaths(sub, $"{path} {sub.Name}".Trim()))
            {
                yield return found;
            }
        }
    }

    private enum Colour
    {
        Red,
        Green,
        Blue,
    }

    /// <summary>A tree with what aus's commands do not use: short and slash aliases, required and hidden options, enums, arguments with defaults.</summary>
    private static RootCommand SampleTree()
    {
        var root = new RootCommand("A sample tool.\nIts description has two lines, the second long enough to be wrapped at a narrow width.");
        root.Options.Add(new Option<bool>("--verbose", "-v", "/v") { Recursive = true, Description = "Say more, in every command." });
        root.Options.Add(new Option<string>("--hidden-root") { Hidden = true, Recursive = true });

        var paint = new Command("paint", "Paint things.") { Aliases = { "p", "colour" } };
        paint.Arguments.Add(new Argument<string>("target") { Description = "What to paint." });
        paint.Arguments.Add(new Argument<int>("coats") { Description = "How many coats.", DefaultValueFactory = _ => 2, Arity = ArgumentArity.ZeroOrOne });
        paint.Arguments.Add(new Argument<string[]>("extras") { Description = "More things.", Arity = ArgumentArity.ZeroOrMore });
        paint.Arguments.Add(new Argument<string>("internal") { Hidden = true, Arity = ArgumentArity.ZeroOrOne });
        paint.Options.Add(new Option<Colour>("--colour", "-c") { Description = "Which colour.", DefaultValueFactory = _ => Colour.Green });
        paint.Options.Add(new Option<Colour?>("--trim") { Description = "The trim's colour, if any." });
        paint.Options.Add(new Option<int>("--speed", "-s", "/speed", "--fast") { Description = "Brush strokes a minute.", DefaultValueFactory = _ => 30 });
        paint.Options.Add(new Option<double>("--thinning") { Description = "How much thinner to add.", DefaultValueFactory = _ => 0.25 });
        paint.Options.Add(new Option<string>("--owner") { Required = true, HelpName = "NAME", Description = "Who pays." });
        paint.Options.Add(new Option<List<string>>("--tag", "-t") { Description = "Tags.", DefaultValueFactory = _ => ["a", "b"], AllowMultipleArgumentsPerToken = true });
        paint.Options.Add(new Option<string>("--note") { Description = "A note with a default of spaces only.", DefaultValueFactory = _ => "  " });
        paint.Options.Add(new Option<string>("--secret") { Hidden = true, Description = "Not shown." });
        paint.Options.Add(new Option<string>("--a-very-long-option-name-that-needs-wrapping-in-narrow-terminals") { Description = "Long.", HelpName = "SOME_LONG_PLACEHOLDER" });
        root.Subcommands.Add(paint);

        var run = new Command("run", "Run a program; what follows is its own.") { TreatUnmatchedTokensAsErrors = false };
        run.Arguments.Add(new Argument<string>("program") { HelpName = "PROGRAM" });
        run.Arguments.Add(new Argument<int>("first") { DefaultValueFactory = _ => 1, Arity = ArgumentArity.ZeroOrOne });
        run.Arguments.Add(new Argument<int>("second") { DefaultValueFactory = _ => 2, Arity = ArgumentArity.ZeroOrOne });
        var nested = new Command("nested");
        nested.Arguments.Add(new Argument<string>("program") { HelpName = "PROGRAM" });
        run.Subcommands.Add(nested);
        root.Subcommands.Add(run);

        root.Subcommands.Add(new Command("secret", "Not listed.") { Hidden = true });
        return root;
    }
}
