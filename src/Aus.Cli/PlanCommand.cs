using System.CommandLine;
using Aus.Cli.Output;
using Aus.Domain.Planning;

namespace Aus.Cli;

/// <summary>`aus plan`: check the soak data in at `now` and decide, per cluster, what aus would do; change nothing in OCM.</summary>
internal static class PlanCommand
{
    public static Command Create(TimeProvider time)
    {
        var inputs = new PlanInputOptions();
        var output = new Option<string>("--output", "-o")
        {
            HelpName = "table|json|markdown",
            Description = "table (for people), json (the machine contract) or markdown (the fleet report).",
            DefaultValueFactory = _ => "table",
        };
        output.AcceptOnlyFromAmong("table", "json", "markdown");
        var command = new Command("plan", "Dry run: decide, per cluster, what aus would do now, and explain why. Changes nothing in OCM.");
        inputs.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var (loaded, exitCode) = await PlanInputs.LoadAsync(parse, inputs, time, stderr, cancellationToken);
            if (loaded is null)
            {
                return exitCode;
            }

            var format = parse.GetValue(output);
            var plan = FleetPlanner.Plan(loaded.Request with { IncludeReport = format == "markdown" });
            await loaded.WriteHistoriesAsync(plan, cancellationToken);
            await stdout.WriteAsync(format switch
            {
                "json" => PlanJsonWriter.Write(plan),
                "markdown" => FleetReportMarkdownWriter.Write(plan),
                _ => PlanTableWriter.Write(plan),
            });
            return plan.Organizations.Any(o => !o.Errors.IsEmpty) ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
