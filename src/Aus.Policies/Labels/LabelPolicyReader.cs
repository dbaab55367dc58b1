using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Domain.Scheduling;
using Aus.Policies.Diagnostics;
using Aus.Policies.Organizations;

namespace Aus.Policies.Labels;

/// <summary>
/// Reads an organization's policy from its OCM labels: cluster policies from the sre-capabilities.aus.*
/// subscription labels, and blocked versions, sectors and the version-data lists from the organization
/// labels. Values are read as the reference reads them, quirks included (comma lists are not trimmed
/// and keep empty items, a max-parallel label alone declares no sector). Every problem becomes a
/// diagnostic naming the organization, the cluster and the label; never throws for bad labels.
/// </summary>
public static class LabelPolicyReader
{
    /// <summary>The name diagnostics give as their file: the labels of one organization.</summary>
    public static string SourceName(OrganizationId orgId) => $"OCM labels of organization {orgId}";

    /// <param name="organization">The organization's labels and its clusters' subscription labels.</param>
    /// <param name="organizationFile">
    /// What the organization file says, when there is one: its name and environment are kept (the
    /// reference takes them from app-interface); its clusters, blocked versions, sectors and
    /// version-data lists are replaced by the labels'.
    /// </param>
    public static OrganizationDocument Read(LabelledOrganization organization, OrganizationPolicy? organizationFile = null)
    {
        var diagnostics = new LabelDiagnostics(SourceName(organization.OrgId));
        var orgLabels = new OrganizationLabelParser(organization.OrgId, organization.Labels, diagnostics);
        var organizationPart = orgLabels.Read();
        var clusterNames = new List<string>();
        var clusters = new List<ClusterPolicy>();
        var sectorNames = organizationPart.Sectors.Select(s => s.Name.Value).ToList();
        foreach (var cluster in organization.Clusters.Where(c => c.Labels.Keys.Any(AusLabelKeys.IsAusLabel)))
        {
            clusterNames.Add(cluster.Name);
            if (ReadCluster(cluster, sectorNames, diagnostics) is { } policy)
            {
                clusters.Add(policy);
            }
        }

        var policyOut = (organizationPart with { Clusters = [.. clusters] }) with
        {
            Name = organizationFile?.Name ?? organization.OrgId.Value,
            Environment = organizationFile?.Environment ?? OrganizationPolicy.DefaultEnvironment,
        };
        return new OrganizationDocument(diagnostics.File, policyOut, [.. clusterNames], diagnostics.ToImmutable());
    }

    private static ClusterPolicy? ReadCluster(LabelledCluster cluster, List<string> sectors, LabelDiagnostics diagnostics)
    {
        var labels = cluster.Labels;
        var errorsBefore = diagnostics.ErrorCount;
        diagnostics.CurrentCluster = cluster.Name;
        foreach (var key in labels.Keys.Where(k => AusLabelKeys.IsAusLabel(k) && !AusLabelKeys.ClusterKeys.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            diagnostics.Warning(PolicyMessages.UnknownAusLabel(key));
        }

        var soakDays = ReadSoakDays(labels, diagnostics);
        var workloads = ReadWorkloads(labels, diagnostics);
        var schedule = ReadSchedule(labels, diagnostics);
        var mutexes = labels.TryGetValue(AusLabelKeys.Mutexes, out var mutexText) ? LabelValues.Csv(mutexText) : [];
        var sector = ReadSector(labels, sectors, diagnostics);
        var blocked = labels.TryGetValue(AusLabelKeys.BlockedVersions, out var blockedText)
            ? Patterns(AusLabelKeys.BlockedVersions, blockedText, diagnostics)
            : [];
        var approvals = labels.TryGetValue(AusLabelKeys.VersionGateApprovals, out var approvalText) ? LabelValues.Csv(approvalText) : [];
        diagnostics.CurrentCluster = null;

        if (diagnostics.ErrorCount != errorsBefore || soakDays is null || workloads is null || schedule is null)
        {
            return null;
        }

        return new ClusterPolicy
        {
            Name = cluster.Name,
            Workloads = [.. workloads.Value.Select(w => new Workload(w))],
            Schedule = schedule,
            SoakDays = soakDays,
            Mutexes = [.. mutexes.Select(m => new MutexName(m))],
            Sector = sector is null ? null : new SectorName(sector),
            BlockedVersions = blocked,
            VersionGateApprovals = approvals,
        };
    }

    private static string? Required(ImmutableDictionary<string, string> labels, string key, LabelDiagnostics diagnostics)
    {
        if (labels.TryGetValue(key, out var value))
        {
            return value;
        }

        diagnostics.Error(PolicyMessages.MissingLabel(key));
        return null;
    }

    private static int? ReadSoakDays(ImmutableDictionary<string, string> labels, LabelDiagnostics diagnostics)
    {
        const string Key = AusLabelKeys.SoakDays;
        if (Required(labels, Key, diagnostics) is not { } text)
        {
            return null;
        }

        if (!LabelValues.TryParseInteger(text, out var value) || value > int.MaxValue)
        {
            diagnostics.Error(PolicyMessages.LabelNotAnInteger(Key, text));
            return null;
        }

        if (value < 0)
        {
            diagnostics.Error(PolicyMessages.NegativeLabelInteger(Key, value));
            return null;
        }

        return (int)value;
    }

    private static ImmutableArray<string>? ReadWorkloads(ImmutableDictionary<string, string> labels, LabelDiagnostics diagnostics)
    {
        const string Key = AusLabelKeys.Workloads;
        if (Required(labels, Key, diagnostics) is not { } text)
        {
            return null;
        }

        var workloads = LabelValues.Csv(text);
        if (workloads.IsEmpty)
        {
            diagnostics.Error(PolicyMessages.NoLabelWorkloads(Key));
            return null;
        }

        return workloads;
    }

    private static CronSchedule? ReadSchedule(ImmutableDictionary<string, string> labels, LabelDiagnostics diagnostics)
    {
        const string Key = AusLabelKeys.Schedule;
        if (Required(labels, Key, diagnostics) is not { } text)
        {
            return null;
        }

        if (CronSchedule.TryParse(text, out var schedule, out var error))
        {
            return schedule;
        }

        diagnostics.Error(PolicyMessages.InvalidCron(PolicyMessages.LabelPath(Key), text, OrganizationParser.CronError(error)));
        return null;
    }

    /// <summary>An empty sector label means no sector (the reference tests it for truth).</summary>
    private static string? ReadSector(ImmutableDictionary<string, string> labels, List<string> sectors, LabelDiagnostics diagnostics)
    {
        const string Key = AusLabelKeys.Sector;
        if (!labels.TryGetValue(Key, out var sector) || sector.Length == 0)
        {
            return null;
        }

        if (!sectors.Contains(sector, StringComparer.Ordinal))
        {
            diagnostics.Error(PolicyMessages.UnknownLabelSector(Key, sector, sectors));
            return null;
        }

        return sector;
    }

    /// <summary>Each comma-separated item is a regex; an empty item is the empty pattern, which matches every version.</summary>
    internal static ImmutableArray<VersionPattern> Patterns(string key, string text, LabelDiagnostics diagnostics)
    {
        var patterns = ImmutableArray.CreateBuilder<VersionPattern>();
        foreach (var source in LabelValues.Csv(text))
        {
            if (VersionPattern.TryCreate(source, out var pattern, out var error))
            {
                patterns.Add(pattern);
            }
            else
            {
                diagnostics.Error(PolicyMessages.InvalidRegex(PolicyMessages.LabelPath(key), source, OrganizationParser.RegexError(error)));
            }
        }

        return patterns.ToImmutable();
    }
}
