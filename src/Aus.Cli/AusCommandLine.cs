using System.CommandLine;
using System.Reflection;

namespace Aus.Cli;

/// <summary>The `aus` command tree: the one place where commands are put together.</summary>
internal static class AusCommandLine
{
    public static RootCommand Create() => Create(TimeProvider.System);

    public static RootCommand Create(TimeProvider time)
    {
        var root = new RootCommand(
            "aus - the Advanced Upgrade Service: policy-based upgrade scheduling for fleets of OpenShift clusters in OCM.");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PolicyCommand.Create());
        root.Subcommands.Add(StateCommand.Create());
        root.Subcommands.Add(PlanCommand.Create(time));
        root.Subcommands.Add(ExplainCommand.Create(time));
        root.Subcommands.Add(RunCommand.Create(time));
        root.Subcommands.Add(ServeCommand.Create(time));
        root.Subcommands.Add(ReportCommand.Create(time));
        root.Subcommands.Add(ForecastCommand.Create(time));
        root.Subcommands.Add(AuditCommand.Create(time));
        root.Subcommands.Add(OcmSimCommand.Create());
        root.Subcommands.Add(Demo.DemoCommand.Create(time));
        root.Subcommands.Add(ControlsCommands.CreatePause(time));
        root.Subcommands.Add(ControlsCommands.CreateResume(time));
        root.Subcommands.Add(ControlsCommands.CreateApprove(time));
        root.Subcommands.Add(ControlsCommands.CreateList(time));
        HelpOptionAction.UseFor(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            await UsageErrors.WriteAsync(parse, stderr);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (parse.CommandResult.Command.Name == "serve")
        {
            // `aus serve`'s host handles SIGTERM itself and lets the pass in progress finish; the
            // command line's own handler would end the process after two seconds.
            configuration.ProcessTerminationTimeout = null;
        }

        return await parse.InvokeAsync(configuration);
    }

    public static string Version =>
        typeof(AusCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
