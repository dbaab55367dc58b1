using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Aus.Domain.Policies;

namespace Aus.Policies.Organizations;

/// <summary>
/// Writes an organization policy as an organization file that aus reads back as the same policy.
/// Every string is single-quoted, so no value (a schedule starting with '*', a workload with a
/// leading space) can change meaning. The allow-lists declare every workload and mutex the clusters use.
/// </summary>
public static class OrganizationWriter
{
    public static string Write(OrganizationPolicy policy)
    {
        var yaml = new StringBuilder();
        Line(yaml, 0, $"name: {Quote(policy.Name)}");
        Line(yaml, 0, $"orgId: {Quote(policy.OrgId.Value)}");
        if (policy.Environment != OrganizationPolicy.DefaultEnvironment)
        {
            Line(yaml, 0, $"environment: {Quote(policy.Environment.Value)}");
        }

        List(yaml, 0, "blockedVersions", policy.BlockedVersions.Select(p => p.Source));
        var workloads = policy.AllowedWorkloads.Select(w => w.Value).Concat(policy.Clusters.SelectMany(c => c.Workloads).Select(w => w.Value));
        List(yaml, 0, "upgradePolicyAllowedWorkloads", workloads.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var mutexes = policy.AllowedMutexes.Select(m => m.Value).Concat(policy.Clusters.SelectMany(c => c.Mutexes).Select(m => m.Value));
        List(yaml, 0, "upgradePolicyAllowedMutexes", mutexes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (!policy.Sectors.IsEmpty)
        {
            Line(yaml, 0, "sectors:");
            foreach (var sector in policy.Sectors)
            {
                Line(yaml, 0, $"- name: {Quote(sector.Name.Value)}");
                if (sector.MaxParallelUpgrades is { } limit)
                {
                    Line(yaml, 1, $"maxParallelUpgrades: {Quote(limit.ToString())}");
                }

                if (!sector.Dependencies.IsEmpty)
                {
                    Line(yaml, 1, "dependencies:");
                    foreach (var dependency in sector.Dependencies)
                    {
                        Line(yaml, 1, $"- name: {Quote(dependency.Value)}");
                    }
                }
            }
        }

        OrganizationList(yaml, "inheritVersionData", policy.InheritVersionData.Select(i => i.OrgId.Value));
        OrganizationList(yaml, "publishVersionData", policy.PublishVersionData.Select(p => p.Value));
        Line(yaml, 0, policy.Clusters.IsEmpty ? "upgradePolicyClusters: []" : "upgradePolicyClusters:");
        foreach (var cluster in policy.Clusters)
        {
            WriteCluster(yaml, cluster);
        }

        return yaml.ToString();
    }

    private static void WriteCluster(StringBuilder yaml, ClusterPolicy cluster)
    {
        Line(yaml, 0, $"- name: {Quote(cluster.Name)}");
        Line(yaml, 1, "upgradePolicy:");
        List(yaml, 2, "workloads", cluster.Workloads.Select(w => w.Value));
        Line(yaml, 2, $"schedule: {Quote(cluster.Schedule.Expression)}");
        List(yaml, 2, "versionGateApprovals", cluster.VersionGateApprovals);
        Line(yaml, 2, "conditions:");
        if (cluster.SoakDays is { } soakDays)
        {
            Line(yaml, 3, string.Create(CultureInfo.InvariantCulture, $"soakDays: {soakDays}"));
        }

        List(yaml, 3, "mutexes", cluster.Mutexes.Select(m => m.Value));
        if (cluster.Sector is { } sector)
        {
            Line(yaml, 3, $"sector: {Quote(sector.Value)}");
        }

        List(yaml, 3, "blockedVersions", cluster.BlockedVersions.Select(p => p.Source));
    }

    private static void OrganizationList(StringBuilder yaml, string key, IEnumerable<string> orgIds)
    {
        var items = orgIds.ToList();
        if (items.Count == 0)
        {
            return;
        }

        Line(yaml, 0, $"{key}:");
        foreach (var orgId in items)
        {
            Line(yaml, 0, $"- orgId: {Quote(orgId)}");
        }
    }

    /// <summary>A flow list on one line; nothing when empty (absent and empty mean the same to aus).</summary>
    private static void List(StringBuilder yaml, int depth, string key, IEnumerable<string> items)
    {
        var quoted = items.Select(Quote).ToList();
        if (quoted.Count > 0)
        {
            Line(yaml, depth, $"{key}: [{string.Join(", ", quoted)}]");
        }
    }

    private static void Line(StringBuilder yaml, int depth, string text) =>
        yaml.Append(' ', depth * 2).Append(text).Append('\n');

    /// <summary>
    /// YAML single quotes, where only the quote itself is escaped (by doubling it); text with control
    /// characters, which single quotes would fold, is written as a JSON string (a YAML double-quoted scalar).
    /// </summary>
    private static string Quote(string text) =>
        text.Any(char.IsControl)
            ? "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\""
            : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
