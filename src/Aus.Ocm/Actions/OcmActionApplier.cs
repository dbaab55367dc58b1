using System.Collections.Immutable;
using System.Globalization;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Ocm.Http;
using Aus.Ocm.Wire;
using Microsoft.Extensions.Logging;

namespace Aus.Ocm.Actions;

/// <summary>
/// Carries planned actions out in OCM, payloads as the reference sends them (§11.9.3). Actions on
/// one cluster run in plan order; different clusters run in parallel. A write whose outcome is
/// unknown is never repeated blindly: the cluster is read again and the write is only sent again
/// when OCM does not have it.
/// </summary>
internal sealed partial class OcmActionApplier(OcmApi api, OcmCallCounter counter, int maxConcurrency, int maxAttempts, AddonServiceVersion? addonService, ILogger logger)
{
    public async Task<ImmutableArray<OcmActionResult>> ApplyAsync(IReadOnlyList<PlannedAction> actions, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var results = new OcmActionResult[actions.Count];
        if (dryRun)
        {
            for (var i = 0; i < actions.Count; i++)
            {
                OcmLog.DryRunAction(logger, Describe(actions[i]), actions[i].Cluster);
                results[i] = new OcmActionResult(actions[i], OcmActionOutcome.DryRun);
            }

            return [.. results];
        }

        var before = counter.Snapshot();
        var byCluster = Enumerable.Range(0, actions.Count).GroupBy(i => actions[i].ClusterId).ToList();
        await Parallel.ForEachAsync(
            byCluster,
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                foreach (var index in group)
                {
                    results[index] = await ApplyOneAsync(actions[index], ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);

        var calls = counter.Snapshot().Since(before);
        OcmLog.ActionsApplied(logger, actions.Count, calls.Total, calls.ToString());
        return [.. results];
    }

    internal static string FormatNextRun(DateTimeOffset nextRun) =>
        nextRun.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Describe(PlannedAction action) => action switch
    {
        CreateUpgradePolicy p when p.Kind == UpgradePolicyKind.Addon => $"create an add-on upgrade policy for {p.Addon} to {p.Version} at {FormatNextRun(p.NextRun)}",
        DeleteUpgradePolicy d when d.Kind == UpgradePolicyKind.Addon => $"delete the {d.Addon} add-on upgrade policy {d.PolicyId}",
        DeleteUpgradePolicy d when d.Kind == UpgradePolicyKind.NodePool => $"delete the node-pool upgrade policy {d.PolicyId} of {d.NodePool}",
        DeleteUpgradePolicy d when d.Kind == UpgradePolicyKind.ControlPlane => $"delete the control-plane upgrade policy {d.PolicyId}",
        DeleteUpgradePolicy d => $"delete the upgrade policy {d.PolicyId}",
        CreateUpgradePolicy p when p.Kind == UpgradePolicyKind.NodePool => $"create a node-pool upgrade policy for {p.NodePool} to {p.Version} at {FormatNextRun(p.NextRun)}",
        CreateUpgradePolicy p when p.Kind == UpgradePolicyKind.ControlPlane => $"create a control-plane upgrade policy to {p.Version} at {FormatNextRun(p.NextRun)}",
        CreateUpgradePolicy p => $"create an upgrade policy to {p.Version} at {FormatNextRun(p.NextRun)}",
        SwitchChannel s => $"switch channel {s.From} to {s.To}",
        AgreeVersionGate g => $"agree to version gate {g.Gate} ({g.Label} {g.VersionPrefix})",
        _ => action.GetType().Name,
    };

    private Task<OcmActionResult> ApplyOneAsync(PlannedAction action, CancellationToken cancellationToken) => action switch
    {
        CreateUpgradePolicy { Kind: UpgradePolicyKind.Addon } create => CreateAddonPolicyAsync(create, cancellationToken),
        DeleteUpgradePolicy { Kind: UpgradePolicyKind.Addon } delete => DeleteAddonPolicyAsync(delete, cancellationToken),
        DeleteUpgradePolicy delete => DeletePolicyAsync(delete, cancellationToken),
        CreateUpgradePolicy create => CreatePolicyAsync(create, cancellationToken),
        AgreeVersionGate agree => AgreeAsync(agree, cancellationToken),
        SwitchChannel sw => SwitchChannelAsync(sw, cancellationToken),
        _ => throw new ArgumentException($"the OCM applier does not know action {action.GetType().Name}", nameof(action)),
    };

    private async Task<OcmActionResult> CreatePolicyAsync(CreateUpgradePolicy action, CancellationToken cancellationToken)
    {
        var clusterId = action.ClusterId.Value;
        if (action.Kind == UpgradePolicyKind.NodePool && string.IsNullOrEmpty(action.NodePool))
        {
            return new OcmActionResult(action, OcmActionOutcome.Refused) { Message = "a node-pool upgrade policy needs a node pool id" };
        }

        var body = new WireNewUpgradePolicy
        {
            Version = action.Version.ToString(),
            UpgradeType = action.Kind switch
            {
                UpgradePolicyKind.ControlPlane => "ControlPlane",
                UpgradePolicyKind.NodePool => "NodePool",
                _ => null,
            },
            ClusterId = action.Kind == UpgradePolicyKind.Cluster ? null : clusterId,
            NextRun = FormatNextRun(action.NextRun),
        };

        return await WriteVerifiedAsync(
            action,
            async ct =>
            {
                var response = action.Kind switch
                {
                    UpgradePolicyKind.ControlPlane => await api.CreateControlPlaneUpgradePolicyAsync(clusterId, body, ct).ConfigureAwait(false),
                    UpgradePolicyKind.NodePool => await api.CreateNodePoolUpgradePolicyAsync(clusterId, action.NodePool!, body, ct).ConfigureAwait(false),
                    _ => await api.CreateUpgradePolicyAsync(clusterId, body, ct).ConfigureAwait(false),
                };
                return (response.OperationId, response.Body?.Id);
            },
            async ct =>
            {
                var existing = action.Kind switch
                {
                    UpgradePolicyKind.ControlPlane => await api.ListControlPlaneUpgradePoliciesAsync(clusterId, ct).ConfigureAwait(false),
                    UpgradePolicyKind.NodePool => await api.ListNodePoolUpgradePoliciesAsync(clusterId, action.NodePool!, ct).ConfigureAwait(false),
                    _ => await api.ListUpgradePoliciesAsync(clusterId, ct).ConfigureAwait(false),
                };

                // Any policy counts, as in the planner: a second one must never be added next to it.
                return existing.Count > 0 ? existing[0].Id ?? string.Empty : null;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private Task<OcmActionResult> AgreeAsync(AgreeVersionGate action, CancellationToken cancellationToken)
    {
        var clusterId = action.ClusterId.Value;
        return WriteVerifiedAsync(
            action,
            async ct =>
            {
                var response = await api.CreateGateAgreementAsync(clusterId, action.Gate, ct).ConfigureAwait(false);
                return (response.OperationId, response.Body?.Id);
            },
            async ct =>
            {
                var agreements = await api.ListGateAgreementsAsync(clusterId, ct).ConfigureAwait(false);
                var found = agreements.FirstOrDefault(a => string.Equals(a.VersionGate?.Id, action.Gate, StringComparison.Ordinal));
                return found is null ? null : found.Id ?? string.Empty;
            },
            cancellationToken);
    }

    private Task<OcmActionResult> SwitchChannelAsync(SwitchChannel action, CancellationToken cancellationToken)
    {
        var clusterId = action.ClusterId.Value;
        return WriteVerifiedAsync(
            action,
            async ct =>
            {
                var response = await api.PatchChannelAsync(clusterId, action.To.Value, ct).ConfigureAwait(false);
                return (response.OperationId, (string?)null);
            },
            async ct =>
            {
                var cluster = await api.GetClusterAsync(clusterId, ct).ConfigureAwait(false);
                return string.Equals(cluster.Channel, action.To.Value, StringComparison.Ordinal) ? clusterId : null;
            },
            cancellationToken);
    }

    /// <summary>
    /// Sends a write; after an unknown outcome, asks <paramref name="findExisting"/> whether OCM has it
    /// (returns its id, or null) and only sends again when it does not, up to the allowed attempts.
    /// </summary>
    private async Task<OcmActionResult> WriteVerifiedAsync(
        PlannedAction action,
        Func<CancellationToken, Task<(string? OperationId, string? ObjectId)>> write,
        Func<CancellationToken, Task<string?>> findExisting,
        CancellationToken cancellationToken)
    {
        var description = Describe(action);
        for (var attempt = 1; ; attempt++)
        {
            OcmApiException unknown;
            try
            {
                var (operationId, objectId) = await write(cancellationToken).ConfigureAwait(false);
                OcmLog.ActionApplied(logger, description, action.Cluster, operationId);
                return new OcmActionResult(action, OcmActionOutcome.Applied) { OperationId = operationId, ObjectId = objectId };
            }
            catch (OcmApiException ex) when (ex.OutcomeUnknown)
            {
                unknown = ex;
            }
            catch (OcmApiException ex)
            {
                OcmLog.ActionRefused(logger, description, action.Cluster, ex.Message);
                return Failure(action, ex.StatusCode is null ? OcmActionOutcome.Failed : OcmActionOutcome.Refused, ex);
            }

            OcmLog.ActionOutcomeUnknown(logger, description, action.Cluster, unknown.Message);
            string? existing;
            try
            {
                existing = await findExisting(cancellationToken).ConfigureAwait(false);
            }
            catch (OcmApiException readFailure)
            {
                return Failure(action, OcmActionOutcome.Failed, unknown) with
                {
                    Message = $"{unknown.Message}; reading the cluster again to check also failed: {readFailure.Message}",
                };
            }

            if (existing is not null)
            {
                OcmLog.ActionAlreadyThere(logger, description, action.Cluster);
                return new OcmActionResult(action, OcmActionOutcome.AlreadyPresent) { ObjectId = existing.Length == 0 ? null : existing };
            }

            if (attempt >= maxAttempts)
            {
                return Failure(action, OcmActionOutcome.Failed, unknown);
            }
        }
    }

    private static OcmActionResult Failure(PlannedAction action, OcmActionOutcome outcome, OcmApiException ex) =>
        new(action, outcome)
        {
            OperationId = ex.OperationId,
            StatusCode = ex.StatusCode,
            ErrorCode = ex.Code,
            Message = ex.Message,
        };
}
