using System.CommandLine;
using Aus.Application.Views;
using Aus.Cli.Output;
using Aus.Domain.Planning;

namespace Aus.Cli;

/// <summary>`aus report`: the fleet upgrade-policies report (reference-behaviour.md section 17).</summary>
internal static class ReportCommand
{
    public static Command Create(TimeProvider time)
    {
        var inputs = new PlanInputOptions();
        var output = new Option<string>("--output", "-o")
        {
            Description = "markdown (GitLab json:table blocks, as the reference), json, or html (the dashboard's view in one self-contained file).",
            DefaultValueFactory = _ => "markdown",
        };
        output.AcceptOnlyFromAmong("markdown", "json", "html");
        var command = new Command("report", "The fleet upgrade-policies report: per cluster, its policy and how long each available version has soaked.");
        inputs.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (loaded, exitCode) = await PlanInputs.LoadAsync(parse, inputs, time, parse.InvocationConfiguration.Error, cancellationToken);
            if (loaded is null)
            {
                return exitCode;
            }

            var plan = FleetPlanner.Plan(loaded.Request with { IncludeReport = true });
            await loaded.WriteHistoriesAsync(plan, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteAsync(parse.GetValue(output) switch
            {
                "json" => FleetReportJsonWriter.Write(plan),
                "html" => DashboardHtmlWriter.Write(FleetViewBuilder.FromPlan(plan, loaded.Request.Organizations.Select(o => o.Policy))),
                _ => FleetReportMarkdownWriter.Write(plan),
            });
            return plan.Organizations.Any(o => !o.Errors.IsEmpty) ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
