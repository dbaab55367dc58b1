using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Versions;

namespace Aus.Application.Forecast;

/// <summary>
/// The forecast's model of OCM: the clusters as the fleet reported them, changed by the planner's
/// own actions. A created policy runs at its next run and completes after the upgrade duration; the
/// cluster (or node pool) then runs its version, and OCM's offer is worked out again.
/// </summary>
internal sealed class ForecastFleet
{
    private readonly ImmutableArray<VersionGate> _gates;
    private readonly ForecastRelease _release;
    private readonly TimeSpan _duration;
    private readonly ImmutableArray<GraphRelease> _graph;
    private readonly List<OrganizationClusters> _organizations = [];
    private readonly Dictionary<string, OrganizationClusters> _byOrgId = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(ModelCluster Cluster, string PolicyId), DateTimeOffset> _completions = new();
    private bool _releaseOffered;
    private int _created;

    public ForecastFleet(FleetSnapshot fleet, ForecastRelease release, TimeSpan duration, ImmutableArray<GraphRelease> graph, DateTimeOffset now)
    {
        _graph = graph;
        _releaseOffered = release.IsOfferedAt(now);
        _gates = fleet.VersionGates;
        _release = release;
        _duration = duration;
        foreach (var organization in fleet.Organizations)
        {
            if (_byOrgId.ContainsKey(organization.OrgId.Value))
            {
                continue;
            }

            var clusters = new OrganizationClusters(organization.OrgId.Value);
            // The forecast is of a cluster release: add-ons take no part (and the model keeps no add-on catalog).
            foreach (var cluster in organization.Clusters.Select(c => c with { Addons = [], AddonUpgradePolicies = [] }))
            {
                var model = new ModelCluster(organization.OrgId.Value, cluster);
                model.Cluster = Offered(cluster, model.Stated);
                clusters.Add(model);
                foreach (var policy in cluster.UpgradePolicies)
                {
                    if (CompletesAt(policy, now) is { } at)
                    {
                        model.InFlight[policy.Id] = at;
                        _completions.Enqueue((model, policy.Id), at);
                    }
                }
            }

            _organizations.Add(clusters);
            _byOrgId[organization.OrgId.Value] = clusters;
        }
    }

    public bool HasUpgradesInFlight => _completions.Count > 0;

    public DateTimeOffset? NextCompletion => _completions.TryPeek(out _, out var at) ? at : null;

    public IReadOnlyList<ModelCluster> ClustersOf(string orgId) =>
        _byOrgId.TryGetValue(orgId, out var organization) ? organization.Clusters : [];

    /// <summary>How many times a cluster of the organization changed versions: what the soak rates are counted from changed when it did.</summary>
    public int VersionChangesOf(string orgId) => _byOrgId.TryGetValue(orgId, out var organization) ? organization.VersionChanges : 0;

    /// <summary>How many times a cluster of the organization changed in any way: what is worked out from its clusters changed when it did.</summary>
    public int ChangesOf(string orgId) => _byOrgId.TryGetValue(orgId, out var organization) ? organization.Changes : 0;

    /// <summary>How many times OCM's offer to a cluster of the organization was worked out again: the versions offered may have changed when it was.</summary>
    public int OfferChangesOf(string orgId) => _byOrgId.TryGetValue(orgId, out var organization) ? organization.OfferChanges : 0;

    public ModelCluster? Find(string orgId, string name) =>
        _byOrgId.TryGetValue(orgId, out var organization) ? organization.Find(name) : null;

    /// <summary>Completes every upgrade due at or before <paramref name="time"/>; returns the organizations that changed.</summary>
    public HashSet<string> CompleteDue(DateTimeOffset time)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        while (_completions.TryPeek(out var due, out var at) && at <= time)
        {
            _completions.Dequeue();
            var (cluster, policyId) = due;
            if (!cluster.InFlight.Remove(policyId))
            {
                // Deleted before it completed (a pause cancelled it).
                continue;
            }

            var policy = cluster.Cluster.UpgradePolicies.First(p => p.Id == policyId);
            var ocm = cluster.Cluster with { UpgradePolicies = cluster.Cluster.UpgradePolicies.Remove(policy) };
            if (policy.Kind == UpgradePolicyKind.NodePool)
            {
                ocm = ocm with { NodePools = [.. ocm.NodePools.Select(p => p.Id == policy.NodePoolId ? p with { Version = OpenShiftVersion.Parse(policy.Version) } : p)] };
            }
            else
            {
                ocm = ocm with { Version = OpenShiftVersion.Parse(policy.Version) };
                ocm = Offered(ocm, cluster.Stated);
            }

            Replace(cluster, ocm);
            if (policy.Kind != UpgradePolicyKind.NodePool)
            {
                _byOrgId[cluster.OrgId].VersionChanges++;
            }

            changed.Add(cluster.OrgId);
        }

        return changed;
    }

    /// <summary>The fleet as OCM would report it at <paramref name="time"/>.</summary>
    public FleetSnapshot SnapshotAt(DateTimeOffset time)
    {
        if (!_releaseOffered && _release.IsOfferedAt(time))
        {
            _releaseOffered = true;
            foreach (var cluster in _organizations.SelectMany(o => o.Clusters))
            {
                Replace(cluster, Offered(cluster.Cluster, cluster.Stated));
            }
        }

        return new FleetSnapshot(_gates, [.. _organizations.Select(o => o.Snapshot())]);
    }

    /// <summary>
    /// Applies what the planner decided for an organization; returns the upgrade policies created and
    /// the ids of those deleted (scheduled ones a pause cancelled: they never run, and the cluster is free again).
    /// </summary>
    public (List<(ModelCluster Cluster, ExistingUpgradePolicy Policy, DateTimeOffset CompletesAt)> Created, List<(ModelCluster Cluster, string PolicyId)> Deleted) Apply(
        string orgId, IEnumerable<PlannedAction> actions)
    {
        var created = new List<(ModelCluster, ExistingUpgradePolicy, DateTimeOffset)>();
        var deleted = new List<(ModelCluster, string)>();
        foreach (var action in actions)
        {
            if (Find(orgId, action.Cluster) is not { } cluster)
            {
                continue;
            }

            switch (action)
            {
                case CreateUpgradePolicy create:
                    var policy = new ExistingUpgradePolicy
                    {
                        Id = $"forecast-{++_created}",
                        Version = create.Version.ToString(),
                        Kind = create.Kind,
                        NodePoolId = create.NodePool,
                        NextRun = create.NextRun,
                        State = UpgradePolicyState.Scheduled,
                    };
                    var completesAt = create.NextRun + _duration;
                    cluster.InFlight[policy.Id] = completesAt;
                    _completions.Enqueue((cluster, policy.Id), completesAt);
                    Replace(cluster, cluster.Cluster with { UpgradePolicies = cluster.Cluster.UpgradePolicies.Add(policy) });
                    created.Add((cluster, policy, completesAt));
                    break;
                case SwitchChannel switchChannel:
                    var switched = cluster.Cluster with { Channel = switchChannel.To };
                    Replace(cluster, _graph.IsEmpty ? switched : Offered(switched, cluster.Stated));
                    break;
                case AgreeVersionGate agree:
                    Replace(cluster, cluster.Cluster with { GateAgreements = cluster.Cluster.GateAgreements.Add(agree.Gate) });
                    break;
                case DeleteUpgradePolicy { Kind: not UpgradePolicyKind.Addon } delete
                    when cluster.Cluster.UpgradePolicies.FirstOrDefault(p => p.Id == delete.PolicyId) is { } cancelled:
                    if (cluster.InFlight.Remove(cancelled.Id))
                    {
                        _completions.Remove((cluster, cancelled.Id), out _, out _);
                    }

                    Replace(cluster, cluster.Cluster with { UpgradePolicies = cluster.Cluster.UpgradePolicies.Remove(cancelled) });
                    deleted.Add((cluster, cancelled.Id));
                    break;
            }
        }

        return (created, deleted);
    }

    /// <summary>
    /// When a policy found in OCM completes: one still to run (or running) completes the upgrade
    /// duration after its next run, or after now when that lies in the past. A failed, cancelled or
    /// completed policy stays in OCM, as the forecast cannot know when someone removes it.
    /// </summary>
    private DateTimeOffset? CompletesAt(ExistingUpgradePolicy policy, DateTimeOffset now) => policy.State switch
    {
        UpgradePolicyState.Failed or UpgradePolicyState.Cancelled or UpgradePolicyState.Completed => null,
        _ => (policy.NextRun is { } run && run > now ? run : now) + _duration,
    };

    /// <summary>
    /// The cluster with what OCM offers it now. With a graph: the released versions above it in its
    /// channel, and its group's channels that releases at or above it are in. Without: the upgrades the
    /// fleet stated that are still ahead of it. Either way the release only once it is out, and,
    /// when the graph does not hold it, by the one-step rule.
    /// </summary>
    private OcmCluster Offered(OcmCluster cluster, ImmutableArray<OpenShiftVersion> stated)
    {
        var version = cluster.Version;
        var inGraph = _graph.Any(r => r.Version == _release.Version);
        var offered = _graph.IsEmpty
            ? stated.Where(v => v > version).ToList()
            : [.. _graph.Where(r => r.Version > version && r.Channels.Contains(cluster.Channel.Value)).Select(r => r.Version)];
        if (!_releaseOffered)
        {
            offered.RemoveAll(v => v == _release.Version);
        }
        else if (!inGraph && _release.IsOneStepFrom(version) && !offered.Contains(_release.Version))
        {
            offered.Add(_release.Version);
        }

        var upgraded = cluster with { AvailableUpgrades = [.. offered.Distinct().Order()] };
        if (_graph.IsEmpty)
        {
            return upgraded;
        }

        var group = cluster.ChannelGroup;
        var channels = _graph
            .Where(r => r.Version >= version && (_releaseOffered || r.Version != _release.Version))
            .SelectMany(r => r.Channels)
            .Where(c => GroupOf(c) == group)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => MinorOf(c));
        return upgraded with { AvailableChannels = [.. channels.Select(c => new ChannelName(c))] };
    }

    private static string GroupOf(string channel)
    {
        var dash = channel.LastIndexOf('-');
        return dash > 0 ? channel[..dash] : channel;
    }

    private static MinorVersion MinorOf(string channel) =>
        MinorVersion.TryParse(channel[(channel.LastIndexOf('-') + 1)..], out var minor) ? minor.Value : default;

    private void Replace(ModelCluster cluster, OcmCluster ocm)
    {
        // By reference: a change that keeps the offer (a policy created, a gate agreed) keeps its array.
        var offerChanged = ocm.AvailableUpgrades != cluster.Cluster.AvailableUpgrades;
        cluster.Cluster = ocm;
        _byOrgId[cluster.OrgId].Changed(offerChanged);
    }

    /// <summary>One cluster of the model.</summary>
    internal sealed class ModelCluster(string orgId, OcmCluster cluster)
    {
        private OcmCluster? _onlySkipsFor;
        private bool _onlySkips;

        public string OrgId { get; } = orgId;

        public OcmCluster Cluster { get; set; } = cluster;

        /// <summary>The upgrades the fleet stated at the start, in OCM's order.</summary>
        public ImmutableArray<OpenShiftVersion> Stated { get; } = cluster.AvailableUpgrades;

        /// <summary>See <see cref="WindowOutlook.OnlySkipsOutsideWindow"/>; worked out once for each state of the cluster.</summary>
        public bool OnlySkipsOutsideWindow
        {
            get
            {
                if (!ReferenceEquals(_onlySkipsFor, Cluster))
                {
                    _onlySkips = WindowOutlook.OnlySkipsOutsideWindow(Cluster);
                    _onlySkipsFor = Cluster;
                }

                return _onlySkips;
            }
        }

        /// <summary>Policy id → when its upgrade completes.</summary>
        public Dictionary<string, DateTimeOffset> InFlight { get; } = new(StringComparer.Ordinal);
    }

    private sealed class OrganizationClusters(string orgId)
    {
        private readonly Dictionary<string, ModelCluster> _byName = new(StringComparer.Ordinal);
        private FleetOrganization? _snapshot;

        public List<ModelCluster> Clusters { get; } = [];

        public int VersionChanges { get; set; }

        public void Add(ModelCluster cluster)
        {
            Clusters.Add(cluster);
            _byName.TryAdd(cluster.Cluster.Name, cluster);
        }

        public ModelCluster? Find(string name) => _byName.GetValueOrDefault(name);

        public int Changes { get; private set; }

        public int OfferChanges { get; private set; }

        public void Changed(bool offerChanged)
        {
            _snapshot = null;
            Changes++;
            if (offerChanged)
            {
                OfferChanges++;
            }
        }

        public FleetOrganization Snapshot() => _snapshot ??= new FleetOrganization(new OrganizationId(orgId), [.. Clusters.Select(c => c.Cluster)]);
    }
}
