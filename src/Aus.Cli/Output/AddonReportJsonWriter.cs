using System.Text.Json;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>`aus report --addons --output json`: one object per organization that manages add-ons, with a row per (cluster, ready add-on).</summary>
internal static class AddonReportJsonWriter
{
    public static string Write(FleetPlan plan) =>
        ReportJsonEnvelope.Write(plan, o => !o.AddonReport.IsEmpty, WriteRows);

    private static void WriteRows(Utf8JsonWriter json, OrganizationPlan organization)
    {
        json.WriteStartArray("addons");
        foreach (var row in organization.AddonReport)
        {
            json.WriteStartObject();
            json.WriteString("cluster", row.Cluster);
            json.WriteString("id", row.ClusterId);
            json.WriteString("addonId", row.Addon);
            json.WriteString("currentVersion", row.CurrentVersion);
            json.WriteString("schedule", row.Schedule);
            json.WriteString("sector", row.Sector ?? string.Empty);
            json.WriteString("mutexes", string.Join(", ", row.Mutexes));
            json.WriteNumber("soakDays", row.SoakDays ?? 0);
            json.WriteString("workloads", string.Join(", ", row.Workloads));
            json.WriteString("nextVersion", row.NextVersion);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
