using System.Text;
using Aus.Application.Ports;
using Aus.Cli.Service;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>What `aus run` prints: the plan of each organization, then what happened to each action.</summary>
internal static class RunReportWriter
{
    public static string Write(ServicePass report, bool dryRun)
    {
        var plans = report.Organizations.Where(o => o.Plan is not null).Select(o => o.Plan!).ToList();
        var text = new StringBuilder(PlanTableWriter.Write(new FleetPlan(report.Now, [.. plans])));
        text.Append('\n');
        foreach (var organization in report.Organizations)
        {
            if (organization.HeldElsewhere)
            {
                text.Append($"{organization.Name} ({organization.OrgId}): another replica holds it; left alone in this pass\n");
                continue;
            }

            if (organization.Failure is not null)
            {
                text.Append($"{organization.Name} ({organization.OrgId}): failed: {organization.Failure}\n");
            }

            foreach (var version in organization.HaltedVersions)
            {
                text.Append($"{organization.Name} ({organization.OrgId}): version {version} {(dryRun ? "would be halted" : "halted")} after failed upgrades; `aus resume --org {organization.OrgId} --version {version}` lifts it\n");
            }

            foreach (var result in organization.Results)
            {
                text.Append($"{Outcome(result.Outcome)}: {PlanTableWriter.Describe(result.Action)}");
                if (result.OperationId is not null)
                {
                    text.Append($" (operation {result.OperationId})");
                }

                if (!result.Succeeded && result.Message is not null)
                {
                    text.Append($": {result.Message}");
                }

                text.Append('\n');
            }
        }

        var actions = report.Organizations.Sum(o => o.Results.Length);
        var failed = report.Organizations.Sum(o => o.Results.Count(r => !r.Succeeded));
        text.Append($"{(dryRun ? "dry run: " : string.Empty)}{report.Organizations.Length} organizations, {actions} actions, {failed} failed; {report.Calls.Total} OCM requests in {report.Duration.TotalSeconds:F1}s\n");
        return text.ToString();
    }

    private static string Outcome(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Applied => "applied",
        ActionOutcome.AlreadyPresent => "already present",
        ActionOutcome.Refused => "refused by OCM",
        ActionOutcome.DryRun => "dry run, not applied",
        _ => "failed",
    };
}
