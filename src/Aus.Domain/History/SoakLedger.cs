using System.Collections.Immutable;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Domain.History;

/// <summary>The soak accounting: check-ins add the time since the last one to each running version and workload, and soak queries read it.</summary>
public static class SoakLedger
{
    /// <summary>
    /// Checks the organization's clusters in at <paramref name="now"/>: every healthy cluster already
    /// reporting its (version, workload) adds the days since the last check-in; a cluster seen there
    /// for the first time only registers. The stats are recomputed from every cluster.
    /// Soak never runs backwards: a <paramref name="now"/> before the stored check-in (a clock
    /// stepped back) accrues nothing and keeps the stored check-in.
    /// </summary>
    public static VersionHistory CheckIn(VersionHistory history, IReadOnlyList<UpgradeSpec> specs, DateTimeOffset now)
    {
        var steppedBack = history.CheckIn is { } last && now < last;
        var elapsedDays = steppedBack ? 0 : ((now - (history.CheckIn ?? now)).TotalSeconds) / 86400.0;

        // Only the versions that clusters report change; the others are kept as they are.
        var changed = new Dictionary<string, Dictionary<Workload, SoakTally>>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (spec.HasEnforcedHealthErrors)
            {
                continue;
            }

            var version = spec.CurrentVersion.ToString();
            if (!changed.TryGetValue(version, out var tallies))
            {
                tallies = [];
                changed[version] = tallies;
            }

            foreach (var workload in spec.Policy.Workloads)
            {
                if (!tallies.TryGetValue(workload, out var tally))
                {
                    tally = new SoakTally(SoakOf(history, version, workload));
                    tallies[workload] = tally;
                }

                tally.CheckIn(spec.Name, elapsedDays);
            }
        }

        var versions = history.Versions.WithComparers(StringComparer.Ordinal).ToBuilder();
        foreach (var (version, tallies) in changed)
        {
            var workloads = versions.TryGetValue(version, out var existing)
                ? existing.ToBuilder()
                : ImmutableSortedDictionary.CreateBuilder<Workload, WorkloadSoak>();
            foreach (var (workload, tally) in tallies)
            {
                workloads[workload] = tally.ToSoak();
            }

            versions[version] = workloads.ToImmutable();
        }

        return history with
        {
            CheckIn = steppedBack ? history.CheckIn : now,
            Versions = versions.ToImmutable(),
            Stats = specs.Count == 0 ? history.Stats : ComputeStats(specs),
        };
    }

    /// <summary>The soak days of a version, rounded to two decimals as the reference reports them.</summary>
    public static double RoundedSoakDays(VersionHistory history, string version, Workload workload) =>
        Math.Round(history.SoakDays(version, workload), 2, MidpointRounding.ToEven);

    private static WorkloadSoak SoakOf(VersionHistory history, string version, Workload workload) =>
        history.Versions.TryGetValue(version, out var workloads) && workloads.TryGetValue(workload, out var soak) ? soak : WorkloadSoak.Empty;

    private static VersionStats ComputeStats(IReadOnlyList<UpgradeSpec> specs)
    {
        var perWorkload = new SortedDictionary<Workload, OpenShiftVersion>();
        foreach (var spec in specs)
        {
            foreach (var workload in spec.Policy.Workloads)
            {
                perWorkload[workload] = perWorkload.TryGetValue(workload, out var min)
                    ? OpenShiftVersion.Min(min, spec.CurrentVersion)
                    : spec.CurrentVersion;
            }
        }

        var overall = perWorkload.Values.Aggregate((OpenShiftVersion?)null, (min, v) => min is null ? v : OpenShiftVersion.Min(min, v));
        return new VersionStats(overall, perWorkload.ToImmutableSortedDictionary());
    }
}
