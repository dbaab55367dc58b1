using System.Globalization;
using System.Text;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Policies.History;

namespace Aus.Benchmarks;

/// <summary>
/// Writes a synthetic fleet as the files `aus plan` reads (docs/policy-reference.md): one
/// organization file per organization, one fleet snapshot and one history per organization, in
/// the block style people write by hand.
/// </summary>
internal static class FleetFiles
{
    public sealed record Written(string OrganizationsDirectory, string FleetFile, IReadOnlyDictionary<string, string> Histories, string HistoryOutDirectory);

    public static Written Write(SyntheticFleet.Fleet fleet, string directory)
    {
        var organizations = Path.Combine(directory, "organizations");
        var histories = Path.Combine(directory, "histories");
        var historyOut = Path.Combine(directory, "histories-out");
        Directory.CreateDirectory(organizations);
        Directory.CreateDirectory(histories);
        Directory.CreateDirectory(historyOut);
        var historyFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var organization in fleet.Organizations)
        {
            var orgId = organization.Policy.OrgId;
            File.WriteAllText(Path.Combine(organizations, $"{orgId}.yaml"), OrganizationYaml(organization.Policy));
            var history = Path.Combine(histories, $"{orgId}.json");
            File.WriteAllText(history, VersionHistoryJson.Write(organization.History) + "\n");
            historyFiles[orgId.Value] = history;
        }

        var fleetFile = Path.Combine(directory, "fleet.yaml");
        File.WriteAllText(fleetFile, FleetYaml(fleet));
        return new Written(organizations, fleetFile, historyFiles, historyOut);
    }

    private static string OrganizationYaml(OrganizationPolicy policy)
    {
        var yaml = new StringBuilder();
        Line(yaml, $"name: {policy.Name}");
        Line(yaml, $"orgId: {policy.OrgId}");
        List(yaml, "blockedVersions", policy.BlockedVersions.Select(p => Quoted(p.Source)));
        Line(yaml, $"upgradePolicyAllowedWorkloads: [{string.Join(", ", policy.AllowedWorkloads)}]");
        Line(yaml, $"upgradePolicyAllowedMutexes: [{string.Join(", ", policy.AllowedMutexes)}]");
        Line(yaml, "sectors:");
        foreach (var sector in policy.Sectors)
        {
            Line(yaml, $"- name: {sector.Name}");
            if (sector.MaxParallelUpgrades is { } limit)
            {
                Line(yaml, $"  maxParallelUpgrades: \"{limit}\"");
            }

            if (!sector.Dependencies.IsEmpty)
            {
                Line(yaml, "  dependencies:");
                foreach (var dependency in sector.Dependencies)
                {
                    Line(yaml, $"  - name: {dependency}");
                }
            }
        }

        List(yaml, "inheritVersionData", policy.InheritVersionData.Select(i => $"orgId: {i.OrgId}"));
        List(yaml, "publishVersionData", policy.PublishVersionData.Select(orgId => $"orgId: {orgId}"));
        Line(yaml, "upgradePolicyClusters:");
        foreach (var cluster in policy.Clusters)
        {
            Line(yaml, $"- name: {cluster.Name}");
            Line(yaml, "  upgradePolicy:");
            Line(yaml, $"    workloads: [{string.Join(", ", cluster.Workloads)}]");
            Line(yaml, $"    schedule: {Quoted(cluster.Schedule.Expression)}");
            Line(yaml, "    conditions:");
            if (cluster.SoakDays is { } soakDays)
            {
                Line(yaml, $"      soakDays: {soakDays}");
            }

            if (cluster.Sector is { } sector)
            {
                Line(yaml, $"      sector: {sector}");
            }

            if (!cluster.Mutexes.IsEmpty)
            {
                Line(yaml, $"      mutexes: [{string.Join(", ", cluster.Mutexes)}]");
            }

            if (!cluster.BlockedVersions.IsEmpty)
            {
                Line(yaml, "      blockedVersions:");
                foreach (var pattern in cluster.BlockedVersions)
                {
                    Line(yaml, $"      - {Quoted(pattern.Source)}");
                }
            }
        }

        return yaml.ToString();
    }

    private static string FleetYaml(SyntheticFleet.Fleet fleet)
    {
        var yaml = new StringBuilder();
        Line(yaml, "organizations:");
        foreach (var organization in fleet.Organizations)
        {
            Line(yaml, $"- orgId: {organization.Policy.OrgId}");
            Line(yaml, "  clusters:");
            foreach (var cluster in organization.Clusters)
            {
                Line(yaml, $"  - name: {cluster.Name}");
                Line(yaml, $"    id: {cluster.Id}");
                Line(yaml, $"    externalId: {cluster.ExternalId}");
                Line(yaml, $"    product: {cluster.Product}");
                Line(yaml, $"    channel: {cluster.Channel}");
                Line(yaml, $"    version: {cluster.Version}");
                Line(yaml, $"    availableUpgrades: [{string.Join(", ", cluster.AvailableUpgrades)}]");
                Line(yaml, $"    availableChannels: [{string.Join(", ", cluster.AvailableChannels)}]");
                if (!cluster.UpgradePolicies.IsEmpty)
                {
                    Line(yaml, "    upgradePolicies:");
                    foreach (var policy in cluster.UpgradePolicies)
                    {
                        WritePolicy(yaml, policy);
                    }
                }

                Line(yaml, "    aws:");
                Line(yaml, "      sts: {enabled: false}");
            }
        }

        return yaml.ToString();
    }

    private static void WritePolicy(StringBuilder yaml, ExistingUpgradePolicy policy)
    {
        Line(yaml, $"    - id: {policy.Id}");
        Line(yaml, $"      version: {policy.Version}");
        Line(yaml, $"      scheduleType: {policy.ScheduleType}");
        if (policy.NextRun is { } nextRun)
        {
            Line(yaml, $"      nextRun: {nextRun.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
        }

        Line(yaml, $"      state: {policy.State.ToString().ToLowerInvariant()}");
    }

    private static void List(StringBuilder yaml, string key, IEnumerable<string> items)
    {
        var lines = items.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        Line(yaml, $"{key}:");
        foreach (var item in lines)
        {
            Line(yaml, $"- {item}");
        }
    }

    private static string Quoted(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    private static void Line(StringBuilder yaml, string line) => yaml.Append(line).Append('\n');
}
