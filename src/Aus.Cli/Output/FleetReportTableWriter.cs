using System.Text;
using Aus.Application.Safety;
using Aus.Domain.Planning;
using Aus.Domain.Reporting;

namespace Aus.Cli.Output;

/// <summary>
/// `aus report --output table`: the fleet upgrade-policies report for a terminal, one aligned table per
/// organization with the same columns as the markdown report.
/// </summary>
internal static class FleetReportTableWriter
{
    private static readonly string[] Header = ["CLUSTER", "VERSION", "CHANNEL", "SCHEDULE", "SECTOR", "MUTEXES", "SOAK DAYS", "WORKLOAD", "SOAKING UPGRADES"];
    private static readonly string[] AddonHeader = ["CLUSTER", "ADD-ON", "VERSION", "SCHEDULE", "SECTOR", "MUTEXES", "SOAK DAYS", "WORKLOADS", "NEXT VERSION"];

    public static string Write(FleetPlan plan)
    {
        var text = new StringBuilder();
        text.Append("Fleet upgrade policies at ").Append(TimeFormat.Format(plan.Now)).Append('\n');
        foreach (var organization in plan.Organizations.Where(o => !o.Report.IsEmpty).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            text.Append('\n').Append($"{organization.Name} ({organization.OrgId}): {Plural.Count(organization.Report.Length, "cluster")}");
            if (!organization.InheritsFrom.IsEmpty)
            {
                text.Append(", inheriting version data from ").Append(string.Join(", ", organization.InheritsFrom));
            }

            text.Append('\n');
            AppendTable(text, Header, organization.Report.Select(Cells));
            foreach (var held in ControlHolds.Of(organization))
            {
                text.Append($"  held: {held.Name} ({held.Reason.ToCode()}): {held.Detail}\n");
            }
        }

        foreach (var organization in plan.Organizations.Where(o => !o.AddonReport.IsEmpty).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            text.Append('\n').Append($"{organization.Name} ({organization.OrgId}) add-ons: {Plural.Count(organization.AddonReport.Length, "row")}\n");
            AppendTable(text, AddonHeader, organization.AddonReport.Select(Cells));
        }

        return text.ToString();
    }

    private static string[] Cells(ClusterReportRow row) =>
    [
        row.Cluster, row.Version, row.Channel, row.Schedule, row.Sector ?? "-", Joined(row.Mutexes), SoakDays(row.SoakDays),
        Joined(row.Workloads), FleetReportMarkdownWriter.SoakingUpgrades(row.SoakingUpgrades) is { Length: > 0 } soaking ? soaking : "-",
    ];

    private static string[] Cells(AddonReportRow row) =>
    [
        row.Cluster, row.Addon, row.CurrentVersion, row.Schedule, row.Sector ?? "-", Joined(row.Mutexes), SoakDays(row.SoakDays),
        Joined(row.Workloads), row.NextVersion is { Length: > 0 } next ? next : "-",
    ];

    private static string Joined(IEnumerable<string> values) => string.Join(",", values) is { Length: > 0 } joined ? joined : "-";

    private static string SoakDays(int? days) => days?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    private static void AppendTable(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var cells in all)
        {
            text.Append("  ");
            for (var i = 0; i < cells.Length; i++)
            {
                text.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
            }

            text.Append('\n');
        }
    }
}
