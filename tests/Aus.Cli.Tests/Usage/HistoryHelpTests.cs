using System.Text.RegularExpressions;

namespace Aus.Cli.Tests.Usage;

/// <summary>Every --history and --history-out names the form that gives an add-on's soak history.</summary>
public sealed partial class HistoryHelpTests
{
    [Theory]
    [InlineData("plan", "--history")]
    [InlineData("plan", "--history-out")]
    [InlineData("explain", "--history")]
    [InlineData("report", "--history")]
    [InlineData("forecast", "--history")]
    [InlineData("run", "--history")]
    [InlineData("run", "--history-out")]
    [InlineData("demo", "--history")]
    public async Task TheHistoryOption_NamesTheAddonForm(string command, string option)
    {
        var help = (await CliRun.RunAsync(command, "--help")).Stdout;

        OptionEntry(help, option).ShouldContain("ORGID/ADDON_ID=FILE");
    }

    /// <summary>The option's lines of the help: from its name to the next option, as one line.</summary>
    private static string OptionEntry(string help, string option)
    {
        var start = help.IndexOf($"  {option} <", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"{option} is in the help");
        var next = NextOption().Match(help, start + option.Length + 2);
        var entry = next.Success ? help[start..next.Index] : help[start..];
        return Whitespace().Replace(entry, " ");
    }

    [GeneratedRegex(@"\n\s*-")]
    private static partial Regex NextOption();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
