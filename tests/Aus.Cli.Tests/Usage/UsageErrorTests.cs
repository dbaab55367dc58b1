namespace Aus.Cli.Tests.Usage;

/// <summary>A mistyped command line: what was wrong, what was probably meant, and that command's own usage.</summary>
public sealed class UsageErrorTests
{
    [Fact]
    public async Task AMistypedCommand_GetsDidYouMean_AndNotRequiredCommand()
    {
        var run = await CliRun.RunAsync("pln", "--config", "x.yaml");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("aus: error: unknown command 'pln'; did you mean 'plan'?");
        run.Stderr.ShouldNotContain("'--config'", customMessage: "the rest of the line belongs to the command that was meant");
        run.Stderr.ShouldNotContain("Required command was not provided");
        run.Stderr.ShouldNotContain("Run 'aus --help' for usage.");
    }

    [Fact]
    public async Task AMistypedOption_GetsDidYouMean_AndTheSubcommandsOwnUsage()
    {
        var run = await CliRun.RunAsync("plan", "--confg", "x.yaml");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("aus: error: unknown option '--confg'; did you mean '--config'?");
        run.Stderr.ShouldNotContain("unknown argument", customMessage: "the mistyped option's value is not a second problem");
        // --config is not required since --labels can stand in for it, so the usage names no option.
        run.StderrLines.ShouldContain("Usage: aus plan [options]");
        run.StderrLines.ShouldContain("Run 'aus plan --help' for the options.");
    }

    [Fact]
    public async Task ANestedCommand_UsesItsFullPath()
    {
        var run = await CliRun.RunAsync("state", "exprt");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("aus: error: unknown command 'exprt'; did you mean 'export'?");
        run.StderrLines.ShouldContain("Usage: aus state COMMAND [options]");
    }

    [Fact]
    public async Task NoCommand_ListsTheCommands()
    {
        var run = await CliRun.RunAsync();

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("aus: error: which command? One of: validate, policy, state, plan,");
        run.Stderr.ShouldNotContain("Required command was not provided");
    }

    [Fact]
    public async Task SomethingFarFromEveryCommand_GetsNoGuess()
    {
        var run = await CliRun.RunAsync("frobnicate");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("aus: error: unknown command 'frobnicate'");
        run.Stderr.ShouldNotContain("did you mean");
    }

    [Theory]
    [InlineData("plan", "plan")]
    [InlineData("explian", "explain")]
    [InlineData("--histroy", "--history")]
    public void Closest_FindsATypo(string typed, string expected)
    {
        UsageErrors.Closest(typed, ["plan", "explain", "report", "--history", "--history-out"]).ShouldBe(expected);
    }

    [Theory]
    [InlineData("explain")]
    [InlineData("report")]
    [InlineData("forecast")]
    public async Task AReadOnlyCommand_OffersNoHistoryOut(string command)
    {
        var help = await CliRun.RunAsync(command, "--help");
        help.Stdout.ShouldNotContain("--history-out");

        var run = await CliRun.RunAsync(command, "--history-out", "x.json");
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("unknown option '--history-out'");
    }

    [Fact]
    public async Task Plan_StillOffersHistoryOut()
    {
        (await CliRun.RunAsync("plan", "--help")).Stdout.ShouldContain("--history-out <[ORGID=]FILE>");
    }
}
