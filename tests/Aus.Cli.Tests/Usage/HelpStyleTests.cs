using System.CommandLine;
using System.Text.RegularExpressions;

namespace Aus.Cli.Tests.Usage;

/// <summary>
/// One help style across the whole command tree: a value is named in capitals (FILE, FILE|DIR, URL)
/// or, when it is one of a few words, by those words (table|json|markdown); a default is shown as
/// "[default: X]" at the end of the line, by the command line itself or in the description.
/// </summary>
public sealed partial class HelpStyleTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in AllCommands(AusCommandLine.Create(), "aus"))
        {
            data.Add(path);
        }

        return data;
    }

    [Fact]
    public void EveryOptionThatTakesAValue_NamesItInTheHouseStyle()
    {
        var wrong = AllOptions()
            .Where(o => o.Option.ValueType != typeof(bool))
            .Where(o => o.Option.HelpName is not { } name || !(Placeholder().IsMatch(name) || Choices().IsMatch(name)))
            .Select(o => $"{o.Command} {o.Option.Name} <{o.Option.HelpName ?? "(none)"}>")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void AFlag_TakesNoPlaceholder()
    {
        AllOptions().Where(o => o.Option.ValueType == typeof(bool) && o.Option.HelpName is not null)
            .Select(o => $"{o.Command} {o.Option.Name}").ShouldBeEmpty();
    }

    [Fact]
    public void EveryDefault_IsShownOneWay()
    {
        var wrong = AllOptions()
            .Where(o => o.Option.Description is { } d && (d.Contains("(default", StringComparison.Ordinal)
                || (o.Option.HasDefaultValue && d.Contains("default:", StringComparison.Ordinal))
                || (!o.Option.HasDefaultValue && d.Contains("default:", StringComparison.Ordinal) && !DescribedDefault().IsMatch(d))))
            .Select(o => $"{o.Command} {o.Option.Name}: {o.Option.Description}")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void ANumberOptionThatIsNotRequired_ShowsItsDefault()
    {
        // ocm-sim --failure-rate once showed none, though it has one (0).
        AllOptions()
            .Where(o => o.Option.ValueType == typeof(int) || o.Option.ValueType == typeof(double))
            .Where(o => !o.Option.Required && !o.Option.HasDefaultValue)
            .Select(o => $"{o.Command} {o.Option.Name}").ShouldBeEmpty();
    }

    [Fact]
    public void SameOptionName_SamePlaceholder_InEveryCommand()
    {
        var differing = AllOptions()
            // --output lists each command's own formats; --release is a plain version in the demo and VERSION[@TIME] in forecast.
            .Where(o => o.Option.ValueType != typeof(bool) && o.Option.Name is not "--output" and not "--release")
            .GroupBy(o => o.Option.Name)
            .Where(g => g.Select(o => o.Option.HelpName).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => $"{o.Command} <{o.Option.HelpName}>"))}")
            .ToList();

        differing.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpOutput_ShowsPlaceholdersAndDefaultsInTheHouseStyle(string path)
    {
        var run = await CliRun.RunAsync([.. path.Split(' ').Skip(1), "--help"]);

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldNotContain("(default");
        run.Stdout.ShouldNotContain("<config>");
        run.Stdout.ShouldNotContain("<fleet>");
        LowerCasePlaceholder().Matches(run.Stdout).Select(m => m.Value).Where(v => !v.Contains('|', StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task OcmSimHelp_ShowsTheFailureRateDefault()
    {
        var run = await CliRun.RunAsync("ocm-sim", "--help");

        run.Stdout.ShouldContain("--failure-rate <PROBABILITY>");
        run.Stdout.ShouldMatch(@"(?s)--failure-rate <PROBABILITY>.*\[default: 0\]");
        run.Stdout.ShouldContain("--fleet <FILE>");
    }

    private static IEnumerable<(string Command, Option Option)> AllOptions() =>
        AllCommands(AusCommandLine.Create(), "aus")
            .SelectMany(c => c.Command.Options.Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption).Select(o => (c.Path, o)));

    private static IEnumerable<(string Path, Command Command)> AllCommands(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
        {
            foreach (var found in AllCommands(sub, $"{path} {sub.Name}"))
            {
                yield return found;
            }
        }
    }

    [GeneratedRegex(@"^[A-Z\[][A-Z0-9_:=@|\[\].-]*$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*(\|[a-z][a-z0-9-]*)+$")]
    private static partial Regex Choices();

    [GeneratedRegex(@" \[default: [^\]]+\]$")]
    private static partial Regex DescribedDefault();

    [GeneratedRegex(@"<[a-z][a-z0-9|-]*>")]
    private static partial Regex LowerCasePlaceholder();
}
