using System.Collections.Immutable;
using Aus.Domain.History;
using Aus.Domain.Reporting;

namespace Aus.Domain.Planning;

/// <summary>The fleet report's view of each cluster (reference-behaviour.md section 17).</summary>
internal sealed partial class UpgradePass
{
    private static readonly TimeSpan LongUpgrade = TimeSpan.FromHours(6);

    /// <summary>The add-on report's row: the add-on's version and the one it would go to.</summary>
    private static AddonReportRow AddonReportRow(UpgradeSpec spec, string addon)
    {
        var policy = spec.Policy;
        var next = spec.AvailableUpgrades.IsEmpty ? string.Empty : spec.AvailableUpgrades[^1].ToString();
        return new AddonReportRow
        {
            Cluster = spec.Name,
            ClusterId = spec.ClusterId.Value,
            Addon = addon,
            CurrentVersion = spec.CurrentVersion.ToString(),
            Schedule = policy.Schedule.Expression,
            Sector = policy.Sector?.Value,
            Mutexes = [.. policy.Mutexes.Select(m => m.Value)],
            SoakDays = policy.SoakDays,
            Workloads = [.. policy.Workloads.Select(w => w.Value).Order(StringComparer.Ordinal)],
            NextVersion = next == spec.CurrentVersion.ToString() ? string.Empty : next,
        };
    }

    private ClusterReportRow ReportRow(UpgradeSpec spec)
    {
        var policy = spec.Policy;
        var upgradeable = EvaluateCandidates(spec, stopAtFirstUpgradeable: true).FirstOrDefault(c => c.IsUpgradeable)?.Version;
        var current = spec.Cluster.UpgradePolicies.FirstOrDefault() is { ScheduleType: "manual" } manual ? manual : null;
        var upgrades = spec.Cluster.AvailableUpgrades
            .Where(v => _blocked.BlockingPattern(spec.BlockedVersions, spec.BlockedSubject(v)) is null)
            .Order()
            .Select(version =>
            {
                var text = version.ToString();
                var days = policy.Workloads.Min(w => SoakLedger.RoundedSoakDays(_history, text, w));
                if (current is not null && current.Version == text)
                {
                    return current.NextRun is { } run && run > _now
                        ? new SoakingUpgrade(text, days, SoakMark.Scheduled)
                        : current.NextRun is { } started && _now - started > LongUpgrade
                            ? new SoakingUpgrade(text, days, SoakMark.LongUpgrade, Math.Round((_now - started).TotalHours, 1))
                            : new SoakingUpgrade(text, days, SoakMark.Upgrading, current.NextRun is { } begun ? Math.Round((_now - begun).TotalHours, 1) : null);
                }

                return new SoakingUpgrade(text, days, version == upgradeable ? SoakMark.Ready : SoakMark.None);
            });

        return new ClusterReportRow
        {
            Cluster = spec.Name,
            ClusterId = spec.ClusterId.Value,
            Version = spec.CurrentVersion.ToString(),
            Channel = spec.Cluster.ChannelGroup,
            Schedule = policy.Schedule.Expression,
            Sector = policy.Sector?.Value,
            Mutexes = [.. policy.Mutexes.Select(m => m.Value)],
            SoakDays = policy.SoakDays,
            Workloads = [.. policy.Workloads.Select(w => w.Value).Order(StringComparer.Ordinal)],
            SoakingUpgrades = [.. upgrades],
        };
    }
}
