using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;

namespace Aus.Domain.Reporting;

/// <summary>
/// The remaining-soak-days gauge: per available upgrade of a cluster
/// (in OCM's order, the reference's quirk), how many days it still has to soak, or a marker for a
/// scheduled, running, long-running or blocked upgrade. A version is left out when a later one is
/// ready or in progress, since the later one would win anyway.
/// </summary>
public static class RemainingSoakDays
{
    private static readonly TimeSpan LongUpgradeAge = TimeSpan.FromHours(6);

    /// <param name="spec">The cluster with its policy.</param>
    /// <param name="history">The organization's version data after check-in and inheritance.</param>
    /// <param name="now">The pass's time, for the age of a running upgrade.</param>
    /// <returns>The reported versions, in OCM's order.</returns>
    public static ImmutableArray<RemainingSoak> Compute(UpgradeSpec spec, VersionHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(history);
        var versions = spec.AvailableUpgrades;
        var soakDays = spec.Policy.SoakDays ?? 0;

        // The reference keeps the last policy it fetched when a cluster (or its node pools) has several.
        var current = spec.Cluster.UpgradePolicies.IsEmpty ? null : spec.Cluster.UpgradePolicies[^1];
        var values = new double[versions.Length];
        var reported = new bool[versions.Length];
        var laterReadyOrRunning = false;
        for (var i = versions.Length - 1; i >= 0; i--)
        {
            var version = versions[i];
            var text = version.ToString();
            var soaked = spec.Policy.Workloads.Min(w => SoakLedger.RoundedSoakDays(history, text, w));
            var value = Math.Max(soakDays - soaked, 0);
            if (current is not null && current.Version == text)
            {
                value = current.State switch
                {
                    UpgradePolicyState.Scheduled => RemainingSoak.Scheduled,
                    UpgradePolicyState.Started or UpgradePolicyState.Delayed =>
                        current.NextRun is { } started && now - started >= LongUpgradeAge ? RemainingSoak.LongUpgrade : RemainingSoak.Upgrading,
                    _ => value,
                };
            }
            else if (spec.BlockingPattern(version) is not null)
            {
                value = RemainingSoak.Blocked;
            }

            values[i] = value;
            reported[i] = !(value >= 0 && laterReadyOrRunning);
            laterReadyOrRunning |= value is 0 or RemainingSoak.Scheduled or RemainingSoak.Upgrading or RemainingSoak.LongUpgrade;
        }

        var result = ImmutableArray.CreateBuilder<RemainingSoak>();
        for (var i = 0; i < versions.Length; i++)
        {
            if (reported[i])
            {
                result.Add(new RemainingSoak(versions[i].ToString(), values[i]));
            }
        }

        return result.ToImmutable();
    }
}
