using System.CommandLine;
using Aus.Application.Views;
using Aus.Cli.Output;
using Aus.Cli.Service;
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
        var addons = new Option<bool>("--addons") { Description = "The add-on report instead: per cluster and ready add-on, its policy and the add-on's next version (markdown or json)." };
        var command = new Command("report", "The fleet upgrade-policies report: per cluster, its policy and how long each available version has soaked.");
        inputs.AddReadOnlyTo(command);
        command.Options.Add(output);
        command.Options.Add(addons);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(addons) && parse.GetValue(output) is "html" or "table")
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"aus: error: --addons writes markdown or json, not {parse.GetValue(output)}");
                return ExitCodes.Usage;
            }

            var (loaded, exitCode) = await PlanInputs.LoadAsync(parse, inputs, time, parse.InvocationConfiguration.Error, cancellationToken);
            if (loaded is null)
            {
                return exitCode;
            }

            var plan = FleetPlanner.Plan(loaded.Request with { IncludeReport = true });
            await parse.InvocationConfiguration.Output.WriteAsync((parse.GetValue(addons), parse.GetValue(output)) switch
            {
                (true, "json") => AddonReportJsonWriter.Write(plan),
                (true, _) => FleetReportMarkdownWriter.WriteAddons(plan),
                (_, "table") => FleetReportTableWriter.Write(plan),
                (_, "json") => FleetReportJsonWriter.Write(plan),
                (_, "html") => DashboardHtmlWriter.Write(FleetViewBuilder.FromPlan(plan, loaded.Request, DashboardForecast.For(loaded.Request, DashboardState.ForecastTimeout))),
                _ => FleetReportMarkdownWriter.Write(plan),
            });
            return plan.Organizations.Any(o => !o.Errors.IsEmpty) ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
