using System.Text;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>`aus plan --output table`: one row per cluster, grouped by organization, readable at 100 columns.</summary>
internal static class PlanTableWriter
{
    private const int Width = 100;
    private const string DetailIndent = "    ";

    public static string Write(FleetPlan plan)
    {
        var text = new StringBuilder();
        text.Append("Plan at ").Append(TimeFormat.Format(plan.Now)).Append('\n');
        foreach (var organization in plan.Organizations)
        {
            text.Append('\n');
            WriteOrganization(text, organization);
        }

        return text.ToString();
    }

    private static void WriteOrganization(StringBuilder text, OrganizationPlan organization)
    {
        var upgrades = organization.Clusters.Count(c => c.Decision == Decision.Upgrade);
        var addons = organization.Clusters.Count(c => c.Addon is not null);
        var entries = Count(organization.Clusters.Length - addons, "cluster") + (addons > 0 ? $", {Count(addons, "add-on")}" : string.Empty);
        text.Append($"{organization.Name} ({organization.OrgId}): {entries}, {upgrades} to upgrade, {Count(organization.Actions.Length, "action")}");
        if (!organization.Errors.IsEmpty)
        {
            text.Append($", {Count(organization.Errors.Length, "error")}");
        }

        text.Append('\n');
        foreach (var error in organization.Errors)
        {
            AppendWrapped(text, $"error: {Prefix(error)}{error.Message}", "  ");
        }

        foreach (var warning in organization.Warnings)
        {
            AppendWrapped(text, $"warning: {Prefix(warning)}{warning.Message}", "  ");
        }

        // Add-on decisions name the add-on beside the cluster; plans without add-ons look as they always did.
        var rows = organization.Clusters
            .Select(c => new[]
            {
                c.Addon is null ? c.Name : $"{c.Name} [{c.Addon}]",
                c.Version ?? "-",
                c.Decision.ToCode(),
                c.TargetVersion ?? "-",
                c.NextRun is { } run ? TimeFormat.Format(run) : "-",
                c.Reason.ToCode(),
            })
            .ToList();
        string[] header = ["CLUSTER", "VERSION", "DECISION", "TARGET", "NEXT RUN", "REASON"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        AppendRow(text, header, widths);
        for (var i = 0; i < rows.Count; i++)
        {
            AppendRow(text, rows[i], widths);
            AppendWrapped(text, organization.Clusters[i].Detail, "  " + DetailIndent);
        }

        foreach (var action in organization.Actions)
        {
            AppendWrapped(text, "action: " + Describe(action), "  ");
        }
    }

    private static string Count(int n, string noun) => Plural.Count(n, noun);

    private static string Prefix(OrganizationMessage message) => message.Cluster is null ? string.Empty : $"{message.Cluster}: ";

    public static string Describe(PlannedAction action) => action switch
    {
        CreateUpgradePolicy { Addon: { } addon } create =>
            $"create add-on upgrade policy for {create.Cluster} to {addon} {create.Version} at {TimeFormat.Format(create.NextRun)}",
        DeleteUpgradePolicy { Addon: { } addon } delete =>
            $"delete add-on upgrade policy {delete.PolicyId} of {addon} on {delete.Cluster}",
        DeleteUpgradePolicy { NodePool: { } pool } delete =>
            $"delete node-pool upgrade policy {delete.PolicyId} of {delete.Cluster}/{pool}{VersionSuffix(delete)}",
        DeleteUpgradePolicy delete =>
            $"delete {PlanJsonWriter.KindName(delete.Kind)} upgrade policy {delete.PolicyId} of {delete.Cluster}{VersionSuffix(delete)}",
        CreateUpgradePolicy { NodePool: { } pool } create =>
            $"create node-pool upgrade policy for {create.Cluster}/{pool} to {create.Version} at {TimeFormat.Format(create.NextRun)}",
        CreateUpgradePolicy create =>
            $"create {PlanJsonWriter.KindName(create.Kind)} upgrade policy for {create.Cluster} to {create.Version} at {TimeFormat.Format(create.NextRun)}",
        SwitchChannel channel => $"switch {channel.Cluster} from channel {channel.From} to {channel.To}",
        AgreeVersionGate gate => $"agree version gate {gate.Gate} ({gate.Label}, {gate.VersionPrefix}) for {gate.Cluster}",
        _ => action.ToString(),
    };

    private static string VersionSuffix(DeleteUpgradePolicy delete) => delete.Version is { } version ? $" (to {version})" : string.Empty;

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append("  ");
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        text.Append('\n');
    }

    /// <summary>Wraps a sentence at word boundaries to the table width, each line indented.</summary>
    private static void AppendWrapped(StringBuilder text, string sentence, string indent)
    {
        var line = new StringBuilder(indent);
        foreach (var word in sentence.Split(' '))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(indent).Append("  ");
            }
            else if (line.Length > indent.Length)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        text.Append(line).Append('\n');
    }
}
