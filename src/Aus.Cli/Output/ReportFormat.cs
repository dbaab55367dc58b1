using Aus.Application.Views;
using Aus.Domain.Planning;
using Aus.Domain.Policies;

namespace Aus.Cli.Output;

/// <summary>The fleet report in the format a file's extension names: .html/.htm, .json, else markdown.</summary>
internal static class ReportFormat
{
    public static string Write(string path, FleetPlan plan, IEnumerable<OrganizationPolicy> policies) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" => DashboardHtmlWriter.Write(FleetViewBuilder.FromPlan(plan, policies)),
            ".json" => FleetReportJsonWriter.Write(plan),
            _ => FleetReportMarkdownWriter.Write(plan),
        };
}
