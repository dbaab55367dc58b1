using System.CommandLine;
using Aus.Application.Views;
using Aus.Cli.Output;
using Aus.Domain.Planning;

namespace Aus.Cli;

/// <summary>`aus report`: the fleet upgrade-policies report: per cluster, its policy and how long each available version has soaked.</summary>
internal static class ReportCommand
{
    public static Command Create(TimeProvider time)
    {
        var inputs = new PlanInputOptions();
        var output = new Option<string>("--output", "-o")
        {
            HelpName = "markdown|table|json|html",
            Description = "markdown (GitLab json:table blocks), table (for people), json (for scripts) or html (the dashboard's view in one self-contained file).",
            DefaultValueFactory = _ => "markdown",
        };
        output.AcceptOnlyFromAmong("markdown", "table", "json", "html");
        var command = new Command("report", "The fleet upgrade-policies report: per cluster, its policy and how long each available version has soaked.");
        inputs.AddReadOnlyTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (loaded, exitCode) = await PlanInputs.LoadAsync(parse, inputs, time, parse.InvocationConfiguration.Error, cancellationToken);
            if (loaded is null)
            {
                return exitCode;
            }

            var plan = FleetPlanner.Plan(loaded.Request with { IncludeReport = true });
            await parse.InvocationConfiguration.Output.WriteAsync(parse.GetValue(output) switch
            {
                "table" => FleetReportTableWriter.Write(plan),
                "json" => FleetReportJsonWriter.Write(plan),
                "html" => DashboardHtmlWriter.Write(FleetViewBuilder.FromPlan(plan, loaded.Request.Organizations.Select(o => o.Policy))),
                _ => FleetReportMarkdownWriter.Write(plan),
            });
            return plan.Organizations.Any(o => !o.Errors.IsEmpty) ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
