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
    /// <summary>The label-based configuration's keys: <c>sre-capabilities.aus.&lt;atom&gt;</c>.</summary>
    public const string AusLabelPrefix = "sre-capabilities.aus.";

    public Task<OcmFleetResult> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken) =>
        ReadFleetAsync(orgIds, new HashSet<OrganizationId>(), cancellationToken);

    public async Task<OcmFleetResult> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, IReadOnlySet<OrganizationId> addonOrgIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orgIds);
        ArgumentNullException.ThrowIfNull(addonOrgIds);
        var before = counter.Snapshot();
        var warnings = new ConcurrentQueue<string>();

        var versionGates = await ReadGatesAsync(warnings, cancellationToken).ConfigureAwait(false);
        var distinct = orgIds.Distinct().ToList();
        var addons = await ReadCatalogAsync(distinct.Any(addonOrgIds.Contains), cancellationToken).ConfigureAwait(false);
        var outcomes = new (FleetOrganization? Organization, OcmOrganizationError? Error)[distinct.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, distinct.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxOrganizations, CancellationToken = cancellationToken },
            async (index, ct) => outcomes[index] = await ReadOrganizationAsync(distinct[index].Value, versionGates, addonOrgIds.Contains(distinct[index]) ? addons : null, ct).ConfigureAwait(false))
            .ConfigureAwait(false);

        var organizations = outcomes.Where(o => o.Organization is not null).Select(o => o.Organization!).ToImmutableArray();
        var errors = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToImmutableArray();
        var calls = counter.Snapshot().Since(before);
        OcmLog.FleetRead(logger, organizations.Sum(o => o.Clusters.Length), distinct.Count, errors.Length, calls.Total, calls.ToString());
        var snapshot = new FleetSnapshot(versionGates, organizations) { AddonVersions = addons?.Catalog ?? ImmutableDictionary<string, string>.Empty };
        return new OcmFleetResult(snapshot, errors, [.. warnings], calls);
    }

    /// <summary>
    /// Discovery of the label flavour: every subscription with an AUS label (one label search), the
    /// managed Active or Reserved ones among them (100 ids a call), their ready managed OSD/ROSA
    /// clusters with details, and every AUS organization label (one label search). Organizations
    /// with AUS organization labels but no labelled cluster are in the snapshot without clusters, as
    /// their version-data labels count for the inheritance network. <paramref name="orgIds"/>, when
    /// not empty, keeps only those organizations' clusters. A failed search fails the whole read.
    /// </summary>
    public async Task<OcmFleetResult> ReadLabelledFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orgIds);
        var before = counter.Snapshot();
        var warnings = new ConcurrentQueue<string>();
        var versionGates = await ReadGatesAsync(warnings, cancellationToken).ConfigureAwait(false);
        var subscriptionLabels = LabelsByOwner(await SearchAusLabelsAsync("Subscription", cancellationToken).ConfigureAwait(false), l => l.SubscriptionId);
        var organizationLabels = LabelsByOwner(await SearchAusLabelsAsync("Organization", cancellationToken).ConfigureAwait(false), l => l.OrganizationId);

        var subscriptionsByOrganization = new Dictionary<string, Dictionary<string, ImmutableDictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var chunk in subscriptionLabels.Keys.Order(StringComparer.Ordinal).Chunk(OcmApi.SubscriptionChunk))
        {
            foreach (var subscription in await api.ListSubscriptionsByIdAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                if (subscription is { Id: { } id, OrganizationId: { } orgId } && subscriptionLabels.TryGetValue(id, out var labels)
                    && (orgIds.Count == 0 || orgIds.Contains(new OrganizationId(orgId))))
                {
                    subscriptionsByOrganization.TryAdd(orgId, new Dictionary<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal));
                    subscriptionsByOrganization[orgId][id] = labels;
                }
            }
        }

        var discovered = subscriptionsByOrganization.Keys.Order(StringComparer.Ordinal).ToList();
        var outcomes = new (FleetOrganization? Organization, OcmOrganizationError? Error)[discovered.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, discovered.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxOrganizations, CancellationToken = cancellationToken },
            async (index, ct) => outcomes[index] = await ReadLabelledOrganizationAsync(discovered[index], subscriptionsByOrganization[discovered[index]], versionGates, ct).ConfigureAwait(false))
            .ConfigureAwait(false);

        var organizations = outcomes.Where(o => o.Organization is not null).Select(o => o.Organization!).ToList();
        var labelledOnly = organizationLabels.Keys.Where(id => !subscriptionsByOrganization.ContainsKey(id)).Order(StringComparer.Ordinal);
        organizations.AddRange(labelledOnly.Select(id => new FleetOrganization(new OrganizationId(id), [])));
        var withLabels = organizations
            .Select(o => o with { Labels = organizationLabels.GetValueOrDefault(o.OrgId.Value, ImmutableDictionary<string, string>.Empty) })
            .OrderBy(o => o.OrgId)
            .ToImmutableArray();
        var errors = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToImmutableArray();
        var calls = counter.Snapshot().Since(before);
        OcmLog.FleetRead(logger, withLabels.Sum(o => o.Clusters.Length), withLabels.Length, errors.Length, calls.Total, calls.ToString());
        return new OcmFleetResult(new FleetSnapshot(versionGates, withLabels), errors, [.. warnings], calls);
    }

    private Task<List<WireLabel>> SearchAusLabelsAsync(string type, CancellationToken cancellationToken) =>
        api.SearchLabelsAsync(OcmSearch.Empty.Like("key", AusLabelPrefix + "%").Equal("type", type).ToString(), cancellationToken);

    /// <summary>Labels grouped by their owner; pages come in no promised order, so a key seen twice keeps its last value.</summary>
    private static Dictionary<string, ImmutableDictionary<string, string>> LabelsByOwner(List<WireLabel> labels, Func<WireLabel, string?> owner) =>
        labels
            .Where(l => owner(l) is not null && l.Key is not null)
            .GroupBy(l => owner(l)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => WireMapping.ToLabels(g), StringComparer.Ordinal);

    private async Task<(FleetOrganization?, OcmOrganizationError?)> ReadLabelledOrganizationAsync(
        string orgId,
        Dictionary<string, ImmutableDictionary<string, string>> labels,
        ImmutableArray<VersionGate> gates,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ReadClustersAsync(orgId, labels, gates, addons: null, cancellationToken).ConfigureAwait(false);
        }
        catch (OcmApiException ex)
        {
            return (null, Fail(orgId, ex.Message));
        }
    }

    /// <summary>Gates are global: when they cannot be read no organization can be planned, so this is an outage, not an org error.</summary>
    private async Task<ImmutableArray<VersionGate>> ReadGatesAsync(ConcurrentQueue<string> warnings, CancellationToken cancellationToken)
    {
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

        return gates.ToImmutable();
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
            return await ReadClustersAsync(orgId, labels, gates, addons, cancellationToken).ConfigureAwait(false);
        }
        catch (OcmApiException ex)
        {
            return (null, Fail(orgId, ex.Message));
        }
    }

    /// <summary>The ready managed OSD/ROSA clusters of some subscriptions of one organization, each with its labels and details.</summary>
    private async Task<(FleetOrganization?, OcmOrganizationError?)> ReadClustersAsync(
        string orgId,
        Dictionary<string, ImmutableDictionary<string, string>> labels,
        ImmutableArray<VersionGate> gates,
        AddonCatalog? addons,
        CancellationToken cancellationToken)
    {
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

        return (new FleetOrganization(new OrganizationId(orgId), [.. detailed]), null);
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
        return new OcmOrganizationError(new OrganizationId(orgId), message);
    }
}
