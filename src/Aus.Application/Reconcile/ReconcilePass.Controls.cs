using System.Collections.Immutable;
using System.Globalization;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Application.Safety;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Microsoft.Extensions.Logging;

namespace Aus.Application.Reconcile;

/// <summary>
/// The rollout safety controls in a pass: each organization's stored controls, and the halt rule on
/// what the fleet read shows. New failed upgrades and new halts are recorded (audited by the store)
/// before planning, so the plan of the same pass already holds a newly halted version back.
/// </summary>
public sealed partial class ReconcilePass
{
    /// <summary>What the controls step found: the planner's controls per organization, and the versions halted in this pass.</summary>
    private sealed record ControlsStep(Dictionary<OrganizationId, RolloutControls> Controls, Dictionary<OrganizationId, ImmutableArray<string>> NewlyHalted);

    /// <summary>
    /// Reads the controls of every planned organization; for the organizations this replica owns,
    /// assesses the halt rule and records what it found. A store that fails fails that organization
    /// (into <paramref name="failures"/>). Without a control store, nothing is read and nothing held.
    /// </summary>
    private async Task<ControlsStep> ApplyControlsAsync(
        IReadOnlyList<OrganizationConfig> planned,
        IReadOnlyCollection<OrganizationConfig> owned,
        FleetRead fleet,
        Dictionary<OrganizationId, string> failures,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var step = new ControlsStep([], []);
        if (_ports.Controls is not { } store)
        {
            return step;
        }

        foreach (var organization in planned.Where(o => !failures.ContainsKey(o.OrgId)))
        {
            try
            {
                var stored = await store.GetControlsAsync(organization.Key, cancellationToken);
                if (!owned.Contains(organization))
                {
                    step.Controls[organization.OrgId] = stored.Controls;
                    continue;
                }

                var clusters = fleet.Snapshot.Find(organization.OrgId)?.Clusters ?? [];
                var rule = organization.Policy.HaltOnFailure;
                var assessment = HaltRule.Assess(rule, clusters, stored.Failures, stored.Controls.HaltedVersions);
                if (!assessment.NewFailures.IsEmpty)
                {
                    await store.RecordFailuresAsync(organization.Key, assessment.NewFailures, now, cancellationToken);
                    foreach (var failure in assessment.NewFailures)
                    {
                        LogUpgradeFailed(organization.OrgId, failure.Cluster, failure.Version);
                    }
                }

                foreach (var version in assessment.NewlyHalted)
                {
                    var reason = HaltReason(version, rule!, stored.Failures, assessment.NewFailures);
                    await store.HaltAsync(organization.Key, version, reason, now, cancellationToken);
                    LogVersionHalted(organization.OrgId, version, reason);
                }

                step.NewlyHalted[organization.OrgId] = assessment.NewlyHalted;
                step.Controls[organization.OrgId] = stored.Controls with
                {
                    HaltedVersions = [.. stored.Controls.HaltedVersions.Union(assessment.HaltedVersions, StringComparer.Ordinal)],
                };
            }
            catch (Exception e) when (!Cancelled(e, cancellationToken))
            {
                failures[organization.OrgId] = $"reading or recording its rollout controls failed: {e.Message}";
            }
        }

        return step;
    }

    /// <summary>"2 clusters failed to upgrade to 4.16.11 (haltOnFailure.failedUpgrades 2): c-1, c-2", "1 cluster failed ...".</summary>
    private static string HaltReason(string version, Domain.Policies.HaltOnFailure rule, IEnumerable<RecordedFailure> recorded, IEnumerable<UpgradeFailure> seen)
    {
        var clusters = recorded.Where(r => !r.Cleared).Select(r => r.Failure).Concat(seen)
            .Where(f => string.Equals(f.Version, version, StringComparison.Ordinal))
            .Select(f => f.Cluster)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{clusters.Count} {(clusters.Count == 1 ? "cluster" : "clusters")} failed to upgrade to {version} (haltOnFailure.failedUpgrades {rule.FailedUpgrades}): {string.Join(", ", clusters)}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "organization {OrgId} cluster {Cluster}: the upgrade to {Version} failed")]
    private partial void LogUpgradeFailed(OrganizationId orgId, string cluster, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "organization {OrgId}: version {Version} halted: {Reason}")]
    private partial void LogVersionHalted(OrganizationId orgId, string version, string reason);
}
