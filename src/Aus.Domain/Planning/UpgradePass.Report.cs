using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Reporting;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>The fleet report's view of each cluster: its policy and the soak of each available version.</summary>
internal sealed partial class UpgradePass
{
    private static readonly TimeSpan LongUpgrade = TimeSpan.FromHours(6);

    // Reused for every row, so that each keeps one array of the exact size.
    private ImmutableArray<SoakingUpgrade>.Builder? _upgradeScratch;

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

    /// <summary>
    /// A cluster's row: every available version that is not blocked, lowest first, with its soak and
    /// its mark. The pass's evaluations are reused: those its decisions made, and those of other
    /// clusters of the same profile, as are the versions' soak and blocks.
    /// </summary>
    private ClusterReportRow ReportRow(UpgradeSpec spec)
    {
        var policy = spec.Policy;
        var profile = ProfileRowsFor(spec);
        var upgradeable = FirstUpgradeable(spec, profile.Evaluations);
        var manual = spec.Cluster.UpgradePolicies.FirstOrDefault() is { ScheduleType: ExistingUpgradePolicy.ManualSchedule } policyInOcm ? policyInOcm : null;
        var available = Ascending(spec.Cluster.AvailableUpgrades);
        var upgrades = _upgradeScratch ??= ImmutableArray.CreateBuilder<SoakingUpgrade>();
        upgrades.Clear();
        foreach (var version in available)
        {
            if (UnmarkedUpgrade(spec, profile, version) is not { } unmarked)
            {
                continue;
            }

            if (manual is not null && manual.Version == unmarked.Version)
            {
                upgrades.Add(InProgressUpgrade(unmarked, manual));
            }
            else
            {
                upgrades.Add(version == upgradeable ? unmarked with { Mark = SoakMark.Ready } : unmarked);
            }
        }

        return new ClusterReportRow
        {
            Cluster = spec.Name,
            ClusterId = spec.ClusterId.Value,
            Version = spec.CurrentVersion.ToString(),
            Channel = spec.Cluster.ChannelGroup,
            Schedule = policy.Schedule.Expression,
            Sector = policy.Sector?.Value,
            Mutexes = policy.Mutexes.IsEmpty ? [] : ImmutableArray.CreateRange(policy.Mutexes, static m => m.Value),
            SoakDays = policy.SoakDays,
            Workloads = profile.Workloads,
            SoakingUpgrades = upgrades.ToImmutable(),
        };
    }

    private ProfileRows ProfileRowsFor(UpgradeSpec spec)
    {
        var profiles = _memo.ReportProfiles;
        var key = new EvaluationProfile(spec.BlockedVersions, spec.Policy.Sector, spec.Policy.Workloads, spec.Policy.SoakDays);
        if (!profiles.TryGetValue(key, out var rows))
        {
            var workloads = ImmutableArray.CreateRange(spec.Policy.Workloads, static w => w.Value).Sort(StringComparer.Ordinal);
            rows = new ProfileRows(EvaluationsFor(spec), workloads, _memo.NewReportTable());
            profiles[key] = rows;
        }

        return rows;
    }

    /// <summary>
    /// The highest version the cluster could be upgraded to now, as the pipeline would choose it, or
    /// null. Evaluations are looked up (or made and kept) as the pipeline does, without building
    /// the list of candidates.
    /// </summary>
    private OpenShiftVersion? FirstUpgradeable(UpgradeSpec spec, Dictionary<string, CandidateEvaluation> evaluations)
    {
        var versions = spec.AvailableUpgrades;
        if (!IsStrictlyAscending(versions))
        {
            foreach (var version in HighestFirst(versions).Versions)
            {
                if (Evaluation(spec, evaluations, version).IsUpgradeable)
                {
                    return version;
                }
            }

            return null;
        }

        for (var i = versions.Length - 1; i >= 0; i--)
        {
            if (Evaluation(spec, evaluations, versions[i]).IsUpgradeable)
            {
                return versions[i];
            }
        }

        return null;
    }

    private CandidateEvaluation Evaluation(UpgradeSpec spec, Dictionary<string, CandidateEvaluation> evaluations, OpenShiftVersion version)
    {
        var text = version.ToString();
        if (!evaluations.TryGetValue(text, out var evaluation))
        {
            evaluation = Evaluate(spec, version, complete: false);
            evaluations[text] = evaluation;
        }

        return evaluation;
    }

    /// <summary>The version with its soak (the lowest over the workloads) and no mark, or null when it is blocked.</summary>
    private SoakingUpgrade? UnmarkedUpgrade(UpgradeSpec spec, ProfileRows profile, OpenShiftVersion version)
    {
        var text = version.ToString();
        if (profile.Upgrades.TryGetValue(text, out var known))
        {
            return known;
        }

        SoakingUpgrade? upgrade = null;
        if (_blocked.BlockingPattern(spec.BlockedVersions, spec.BlockedSubject(version)) is null)
        {
            var workloads = spec.Policy.Workloads;
            var days = SoakLedger.RoundedSoakDays(_history, text, workloads[0]);
            for (var i = 1; i < workloads.Length; i++)
            {
                days = Math.Min(days, SoakLedger.RoundedSoakDays(_history, text, workloads[i]));
            }

            upgrade = new SoakingUpgrade(text, days, SoakMark.None);
        }

        profile.Upgrades[text] = upgrade;
        return upgrade;
    }

    /// <summary>The version of the manual upgrade policy OCM has: scheduled, upgrading, or upgrading for long.</summary>
    private SoakingUpgrade InProgressUpgrade(SoakingUpgrade unmarked, ExistingUpgradePolicy manual)
    {
        if (manual.NextRun is not { } run)
        {
            return unmarked with { Mark = SoakMark.Upgrading };
        }

        if (run > _now)
        {
            return unmarked with { Mark = SoakMark.Scheduled };
        }

        var hours = Math.Round((_now - run).TotalHours, 1);
        return unmarked with { Mark = _now - run > LongUpgrade ? SoakMark.LongUpgrade : SoakMark.Upgrading, StartedHoursAgo = hours };
    }

    /// <summary>The versions lowest first, equal ones in OCM's order; OCM's list is that already, as a rule.</summary>
    private static ImmutableArray<OpenShiftVersion> Ascending(ImmutableArray<OpenShiftVersion> versions)
    {
        for (var i = 1; i < versions.Length; i++)
        {
            if (versions[i - 1] > versions[i])
            {
                return [.. versions.Order()];
            }
        }

        return versions;
    }

    private static bool IsStrictlyAscending(ImmutableArray<OpenShiftVersion> versions)
    {
        for (var i = 1; i < versions.Length; i++)
        {
            if (versions[i - 1] >= versions[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The report's share of an evaluation profile: the pass's evaluations of it, its workloads
    /// sorted, and per version text its soak without a mark (null when the profile blocks it).
    /// </summary>
    internal sealed class ProfileRows(Dictionary<string, CandidateEvaluation> evaluations, ImmutableArray<string> workloads, Dictionary<string, SoakingUpgrade?> upgrades)
    {
        public Dictionary<string, CandidateEvaluation> Evaluations { get; } = evaluations;

        public ImmutableArray<string> Workloads { get; } = workloads;

        public Dictionary<string, SoakingUpgrade?> Upgrades { get; } = upgrades;
    }
}
