using System.Text.Json;
using Aus.Application.Safety;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>The fleet report as JSON: one object per organization with its rows, for scripts and dashboards.</summary>
internal static class FleetReportJsonWriter
{
    public static string Write(FleetPlan plan) =>
        ReportJsonEnvelope.Write(plan, o => !o.Report.IsEmpty, WriteRows) + "\n";

    private static void WriteRows(Utf8JsonWriter json, OrganizationPlan organization)
    {
        json.WriteStartArray("inheritsFrom");
        foreach (var source in organization.InheritsFrom)
        {
            json.WriteStringValue(source);
        }

        json.WriteEndArray();
        json.WriteStartArray("clusters");
        foreach (var row in organization.Report)
        {
            json.WriteStartObject();
            json.WriteString("cluster", row.Cluster);
            json.WriteString("id", row.ClusterId);
            json.WriteString("version", row.Version);
            json.WriteString("channel", row.Channel);
            json.WriteString("schedule", row.Schedule);
            json.WriteString("sector", row.Sector ?? string.Empty);
            json.WriteString("mutexes", string.Join(", ", row.Mutexes));
            json.WriteNumber("soakDays", row.SoakDays ?? 0);
            json.WriteString("workload", string.Join(", ", row.Workloads));
            json.WriteStartArray("soakingUpgrades");
            foreach (var upgrade in row.SoakingUpgrades)
            {
                json.WriteStartObject();
                json.WriteString("version", upgrade.Version);
                json.WriteNumber("soakDays", upgrade.SoakDays);
                json.WriteString("mark", upgrade.Mark.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteHeld(json, organization);
    }

    /// <summary>The clusters a rollout safety control holds, only when there are any (reports without controls are unchanged).</summary>
    private static void WriteHeld(Utf8JsonWriter json, OrganizationPlan organization)
    {
        var held = ControlHolds.Of(organization);
        if (held.IsEmpty)
        {
            return;
        }

        json.WriteStartArray("held");
        foreach (var decision in held)
        {
            json.WriteStartObject();
            json.WriteString("cluster", decision.Name);
            json.WriteString("reason", decision.Reason.ToCode());
            json.WriteString("detail", decision.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
