using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;

namespace Aus.Application.Safety;

/// <summary>
/// Halt on failure: once <see cref="HaltOnFailure.FailedUpgrades"/> clusters of an organization
/// failed to upgrade to a version, the version is halted there. A failure is an upgrade policy that
/// OCM reports in state <c>failed</c> (the only upgrade failure the OCM API reports); each cluster
/// counts once per version however often it fails. OCM forgets failed policies, so failures are
/// counted from the store's record as well as from the snapshot.
/// </summary>
public static class HaltRule
{
    /// <summary>The failed upgrades visible in the snapshot, one per (cluster, version), in cluster order.</summary>
    public static ImmutableArray<UpgradeFailure> FailuresIn(IEnumerable<OcmCluster> clusters)
    {
        var failures = ImmutableArray.CreateBuilder<UpgradeFailure>();
        foreach (var cluster in clusters)
        {
            foreach (var policy in cluster.UpgradePolicies)
            {
                var failure = new UpgradeFailure(cluster.Name, policy.Version);
                if (policy.State == UpgradePolicyState.Failed && !failures.Contains(failure))
                {
                    failures.Add(failure);
                }
            }
        }

        return failures.ToImmutable();
    }

    /// <summary>
    /// Which versions are halted for the organization, given the snapshot's clusters, the failures
    /// the store recorded in earlier passes, and the versions already halted. Without a rule
    /// nothing is halted, though failures are still reported for recording.
    /// </summary>
    public static HaltAssessment Assess(
        HaltOnFailure? rule,
        IEnumerable<OcmCluster> clusters,
        IEnumerable<RecordedFailure> recorded,
        IEnumerable<string> alreadyHalted)
    {
        var known = recorded.ToList();
        var knownFailures = known.Select(r => r.Failure).ToHashSet();
        var newFailures = FailuresIn(clusters).Where(f => !knownFailures.Contains(f)).ToImmutableArray();
        if (rule is null)
        {
            return new HaltAssessment { NewFailures = newFailures };
        }

        var counting = known.Where(r => !r.Cleared).Select(r => r.Failure).Concat(newFailures);
        var halted = counting
            .Distinct()
            .GroupBy(f => f.Version, StringComparer.Ordinal)
            .Where(g => g.Select(f => f.Cluster).Distinct(StringComparer.Ordinal).Count() >= rule.FailedUpgrades)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        var before = alreadyHalted.ToHashSet(StringComparer.Ordinal);
        return new HaltAssessment
        {
            NewFailures = newFailures,
            HaltedVersions = halted,
            NewlyHalted = [.. halted.Where(v => !before.Contains(v))],
        };
    }
}
