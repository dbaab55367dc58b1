using System.Collections.Concurrent;
using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Ocm.Http;
using Aus.Ocm.Wire;
using Microsoft.Extensions.Logging;

namespace Aus.Ocm.Fleet;

/// <summary>
/// One read of OCM for a set of organizations. Calls are kept to what the planner needs: discovery
/// pages, one policy list per cluster (hosted control planes: control-plane list, node-pool list and
/// one policy list per pool), one state read per classic policy, and gate agreements only where a
/// gate can apply. Per-cluster reads run in parallel, bounded by the configured concurrency.
/// </summary>
internal sealed partial class OcmFleetReader(OcmApi api, OcmCallCounter counter, int maxConcurrency, int maxOrganizations, string addonService, ILogger logger)
{
    public Task<OcmFleetResult> ReadFleetAsync(IReadOnlyCollection<string> orgIds, CancellationToken cancellationToken) =>
        ReadFleetAsync(orgIds, new HashSet<string>(StringComparer.Ordinal), cancellationToken);

    public async Task<OcmFleetResult> ReadFleetAsync(IReadOnlyCollection<string> orgIds, IReadOnlySet<string> addonOrgIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orgIds);
        ArgumentNullException.ThrowIfNull(addonOrgIds);
        var before = counter.Snapshot();
        var warnings = new ConcurrentQueue<string>();

        // Gates are global: when they cannot be read no organization can be planned, so this is an outage, not an org error.
        var gates = ImmutableArray.CreateBuilder<VersionGate>();
        foreach (var wire in await api.ListVersionGatesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (WireMapping.ToGate(wire) is { } gate)
            {
                gates.Add(gate);
            }
            else
            {
                OcmLog.InvalidGate(logger, wire.Id ?? "?", wire.VersionRawIdPrefix ?? string.Empty);
                warnings.Enqueue($"version gate {wire.Id ?? "without id"}: version_raw_id_prefix '{wire.VersionRawIdPrefix}' is not MAJOR.MINOR; the gate is ignored");
            }
        }

        var versionGates = gates.ToImmutable();
        var distinct = orgIds.Distinct(StringComparer.Ordinal).ToList();
        var addons = await ReadCatalogAsync(distinct.Any(addonOrgIds.Contains), cancellationToken).ConfigureAwait(false);
        var outcomes = new (FleetOrganization? Organization, OcmOrganizationError? Error)[distinct.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, distinct.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxOrganizations, CancellationToken = cancellationToken },
            async (index, ct) => outcomes[index] = await ReadOrganizationAsync(distinct[index], versionGates, addonOrgIds.Contains(distinct[index]) ? addons : null, ct).ConfigureAwait(false))
            .ConfigureAwait(false);

        var organizations = outcomes.Where(o => o.Organization is not null).Select(o => o.Organization!).ToImmutableArray();
        var errors = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToImmutableArray();
        var calls = counter.Snapshot().Since(before);
        OcmLog.FleetRead(logger, organizations.Sum(o => o.Clusters.Length), distinct.Count, errors.Length, calls.Total, calls.ToString());
        var snapshot = new FleetSnapshot(versionGates, organizations) { AddonVersions = addons?.Catalog ?? ImmutableDictionary<string, string>.Empty };
        return new OcmFleetResult(snapshot, errors, [.. warnings], calls);
    }

    private async Task<(FleetOrganization?, OcmOrganizationError?)> ReadOrganizationAsync(
        string orgId,
        ImmutableArray<VersionGate> gates,
        AddonCatalog? addons,
        CancellationToken cancellationToken)
    {
        if (addons?.Error is { } addonError)
        {
            return (null, Fail(orgId, addonError));
        }

        try
        {
            var subscriptions = await api.ListSubscriptionsAsync(orgId, cancellationToken).ConfigureAwait(false);
            var labels = subscriptions
                .Where(s => s.Id is not null)
                .GroupBy(s => s.Id!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => WireMapping.ToLabels(g.First().Labels), StringComparer.Ordinal);

            var wireClusters = new List<WireCluster>();
            foreach (var chunk in labels.Keys.Order(StringComparer.Ordinal).Chunk(OcmApi.SubscriptionChunk))
            {
                wireClusters.AddRange(await api.ListClustersAsync(chunk, cancellationToken).ConfigureAwait(false));
            }

            var errors = new List<string>();
            var clusters = new List<OcmCluster>();
            foreach (var wire in wireClusters)
            {
                var clusterLabels = wire.Subscription?.Id is { } subscriptionId && labels.TryGetValue(subscriptionId, out var found)
                    ? found
                    : ImmutableDictionary<string, string>.Empty;
                if (WireMapping.ToCluster(wire, clusterLabels, errors) is { } cluster)
                {
                    clusters.Add(cluster);
                }
            }

            // The reference fails the whole organization on a version it cannot parse; fail before any per-cluster call.
            if (errors.Count > 0)
            {
                return (null, Fail(orgId, string.Join("; ", errors)));
            }

            var detailed = new OcmCluster[clusters.Count];
            var detailErrors = new ConcurrentQueue<string>();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, clusters.Count),
                new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
                async (index, ct) =>
                {
                    var cluster = await ReadDetailsAsync(clusters[index], gates, detailErrors, ct).ConfigureAwait(false);
                    detailed[index] = addons?.Service is { } service ? await ReadAddonsAsync(cluster, service, ct).ConfigureAwait(false) : cluster;
                })
                .ConfigureAwait(false);

            if (!detailErrors.IsEmpty)
            {
                return (null, Fail(orgId, string.Join("; ", detailErrors)));
            }

            return (new FleetOrganization(orgId, [.. detailed]), null);
        }
        catch (OcmApiException ex)
        {
            return (null, Fail(orgId, ex.Message));
        }
    }

    private async Task<OcmCluster> ReadDetailsAsync(
        OcmCluster cluster,
        ImmutableArray<VersionGate> gates,
        ConcurrentQueue<string> errors,
        CancellationToken cancellationToken)
    {
        var id = cluster.Id.Value;
        var policies = ImmutableArray.CreateBuilder<ExistingUpgradePolicy>();
        var nodePools = ImmutableArray.CreateBuilder<NodePool>();
        if (cluster.IsHostedControlPlane)
        {
            var problems = new List<string>();
            foreach (var wire in await api.ListNodePoolsAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (WireMapping.ToNodePool(wire, cluster, problems) is { } pool)
                {
                    nodePools.Add(pool);
                }
            }

            foreach (var problem in problems)
            {
                errors.Enqueue(problem);
            }

            foreach (var wire in await api.ListControlPlaneUpgradePoliciesAsync(id, cancellationToken).ConfigureAwait(false))
            {
                policies.Add(WireMapping.ToPolicy(wire, UpgradePolicyKind.ControlPlane, null, wire.State?.Value));
            }

            foreach (var pool in nodePools)
            {
                foreach (var wire in await api.ListNodePoolUpgradePoliciesAsync(id, pool.Id, cancellationToken).ConfigureAwait(false))
                {
                    policies.Add(WireMapping.ToPolicy(wire, UpgradePolicyKind.NodePool, pool.Id, wire.State?.Value));
                }
            }
        }
        else
        {
            foreach (var wire in await api.ListUpgradePoliciesAsync(id, cancellationToken).ConfigureAwait(false))
            {
                policies.Add(WireMapping.ToPolicy(wire, UpgradePolicyKind.Cluster, null, await ReadStateAsync(id, wire, cancellationToken).ConfigureAwait(false)));
            }
        }

        var agreements = ImmutableArray<string>.Empty;
        if (GateApplicability.AnyApplies(gates, cluster))
        {
            var wire = await api.ListGateAgreementsAsync(id, cancellationToken).ConfigureAwait(false);
            agreements = [.. wire.Select(a => a.VersionGate?.Id).OfType<string>().Distinct(StringComparer.Ordinal)];
        }

        return cluster with
        {
            NodePools = nodePools.ToImmutable(),
            UpgradePolicies = policies.ToImmutable(),
            GateAgreements = agreements,
        };
    }

    /// <summary>The state of a classic policy; like the reference, an unreadable state is no reason to fail.</summary>
    private async Task<string?> ReadStateAsync(string clusterId, WireUpgradePolicy policy, CancellationToken cancellationToken)
    {
        if (policy.State?.Value is { } inline)
        {
            return inline;
        }

        if (string.IsNullOrEmpty(policy.Id))
        {
            return null;
        }

        try
        {
            var state = await api.GetUpgradePolicyStateAsync(clusterId, policy.Id, cancellationToken).ConfigureAwait(false);
            return state.Value;
        }
        catch (OcmApiException ex)
        {
            OcmLog.PolicyStateUnreadable(logger, clusterId, policy.Id, ex.Message);
            return null;
        }
    }

    private OcmOrganizationError Fail(string orgId, string message)
    {
        OcmLog.OrganizationFailed(logger, orgId, message);
        return new OcmOrganizationError(orgId, message);
    }
}
