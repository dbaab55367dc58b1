using System.Globalization;
using System.Text;
using Aus.Domain.Planning;

namespace Aus.Domain.Tests.Planning;

/// <summary>A plain rendering of an organization plan, so that two plans compare as text.</summary>
internal static class PlanText
{
    public static string Of(OrganizationPlan plan)
    {
        var text = new StringBuilder();
        foreach (var error in plan.Errors)
        {
            text.Append(CultureInfo.InvariantCulture, $"error {error.Cluster}: {error.Message}\n");
        }

        foreach (var warning in plan.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"warning {warning.Cluster}: {warning.Message}\n");
        }

        foreach (var action in plan.Actions)
        {
            text.Append(CultureInfo.InvariantCulture, $"action {action}\n");
        }

        foreach (var cluster in plan.Clusters)
        {
            text.Append(CultureInfo.InvariantCulture, $"cluster {cluster}\n");
        }

        if (plan.History is { } history)
        {
            text.Append(CultureInfo.InvariantCulture, $"check-in {history.CheckIn:O}, min {history.Stats?.MinVersion}\n");
            foreach (var (version, workloads) in history.Versions)
            {
                foreach (var (workload, soak) in workloads)
                {
                    text.Append(CultureInfo.InvariantCulture, $"soak {version} {workload} {soak.SoakDays:R} [{string.Join(", ", soak.Reporting)}]\n");
                }
            }
        }

        return text.ToString();
    }

    public static string Of(FleetPlan plan) => string.Concat(plan.Organizations.Select(Of));
}
