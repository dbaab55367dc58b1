using Aus.Simulator.Model;

namespace Aus.Simulator;

/// <summary>OCM's rules: policy creation, the upgrade state machine, releases and what they offer.</summary>
internal sealed partial class SimWorld
{
    /// <summary>OCM refuses an upgrade policy whose next run is closer than this.</summary>
    public static readonly TimeSpan MinimumLeadTime = TimeSpan.FromMinutes(5);

    public SimOutcome<SimPolicy> CreatePolicy(SimCluster cluster, SimPolicyKind kind, string? nodePoolId, string? version, string? scheduleType, DateTimeOffset? nextRun)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return SimOutcome<SimPolicy>.Refused(400, "Attribute 'version' is required");
        }

        if (scheduleType is not (null or "manual"))
        {
            return SimOutcome<SimPolicy>.Refused(400, $"Schedule type '{scheduleType}' is not supported by the simulator (only 'manual')");
        }

        if (nextRun is null)
        {
            return SimOutcome<SimPolicy>.Refused(400, "Attribute 'next_run' is required for a manual upgrade policy");
        }

        if (nextRun.Value < Now + MinimumLeadTime)
        {
            return SimOutcome<SimPolicy>.Refused(
                400,
                $"Can't schedule an upgrade less than {MinimumLeadTime.TotalMinutes:0} minutes in the future: next_run {Format(nextRun.Value)} is before {Format(Now + MinimumLeadTime)}");
        }

        switch (kind)
        {
            case SimPolicyKind.Cluster when cluster.Hypershift:
                return SimOutcome<SimPolicy>.Refused(400, $"Cluster '{cluster.Id}' has a hosted control plane: use control_plane/upgrade_policies or node_pools/{{id}}/upgrade_policies");
            case SimPolicyKind.ControlPlane or SimPolicyKind.NodePool when !cluster.Hypershift:
                return SimOutcome<SimPolicy>.Refused(400, $"Cluster '{cluster.Id}' is not a hosted control plane cluster: use upgrade_policies");
        }

        if (kind == SimPolicyKind.NodePool)
        {
            var pool = cluster.NodePools.Find(p => p.Id == nodePoolId);
            if (pool is null)
            {
                return SimOutcome<SimPolicy>.Refused(404, $"Node pool '{nodePoolId}' not found");
            }

            if (Policies.Exists(p => p.ClusterId == cluster.Id && p.Kind == SimPolicyKind.NodePool && p.NodePoolId == pool.Id))
            {
                return SimOutcome<SimPolicy>.Refused(400, $"There is already an upgrade policy for node pool '{pool.Id}' of cluster '{cluster.Id}'");
            }

            if (VersionOrder.Instance.Compare(version, cluster.Version) > 0)
            {
                return SimOutcome<SimPolicy>.Refused(400, $"Version '{version}' is above the control plane version '{cluster.Version}'; a node pool cannot run ahead of its control plane");
            }

            if (VersionOrder.Instance.Compare(version, pool.Version) <= 0)
            {
                return SimOutcome<SimPolicy>.Refused(400, $"Version '{version}' is not an upgrade of node pool '{pool.Id}' (it runs {pool.Version})");
            }
        }
        else
        {
            if (Policies.Exists(p => p.ClusterId == cluster.Id && (kind == SimPolicyKind.Cluster || p.Kind == SimPolicyKind.ControlPlane)))
            {
                return SimOutcome<SimPolicy>.Refused(400, $"There is already an upgrade policy for cluster '{cluster.Id}'");
            }

            if (!cluster.AvailableUpgrades.Contains(version))
            {
                var offered = cluster.AvailableUpgrades.Count == 0 ? "none" : string.Join(", ", cluster.AvailableUpgrades);
                return SimOutcome<SimPolicy>.Refused(400, $"Version '{version}' is not available for upgrade of cluster '{cluster.Id}' (available: {offered})");
            }
        }

        var policy = new SimPolicy
        {
            Id = NextId("up-"),
            Sequence = NextSequence(),
            ClusterId = cluster.Id,
            Kind = kind,
            NodePoolId = kind == SimPolicyKind.NodePool ? nodePoolId : null,
            Version = version,
            NextRun = nextRun.Value,
            State = "scheduled",
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        Policies.Add(policy);
        return SimOutcome<SimPolicy>.Ok(policy, 201);
    }

    /// <summary>
    /// Moves the virtual clock to <paramref name="target"/>, running every policy transition due on the way
    /// in time order (ties in creation order), so a long jump gives the same result as many short ones.
    /// </summary>
    public IReadOnlyList<SimEvent> AdvanceTo(DateTimeOffset target)
    {
        var events = new List<SimEvent>();
        while (true)
        {
            var due = Policies
                .Select(p => (Policy: p, At: NextEventTime(p)))
                .Where(x => x.At is not null && x.At <= target)
                .OrderBy(x => x.At)
                .ThenBy(x => x.Policy.Sequence)
                .FirstOrDefault();
            var dueAddon = NextAddonEvent(target);
            if (due.Policy is null && dueAddon.Policy is null)
            {
                break;
            }

            // The earlier of the two, ties in creation order.
            var addonFirst = dueAddon.Policy is not null
                && (due.Policy is null || dueAddon.At < due.At || (dueAddon.At == due.At && dueAddon.Policy.Sequence < due.Policy.Sequence));
            var at = addonFirst ? dueAddon.At : due.At!.Value;
            if (at > Now)
            {
                Now = at;
            }

            var e = addonFirst ? StepAddon(dueAddon.Policy!) : Step(due.Policy!);
            events.Add(e);
            OnTransition?.Invoke(e);
        }

        if (target > Now)
        {
            Now = target;
        }

        return events;
    }

    private DateTimeOffset? NextEventTime(SimPolicy policy) => policy.State switch
    {
        "pending" or "scheduled" => policy.NextRun,
        "started" => (policy.StartedAt ?? policy.NextRun) + UpgradeDuration,
        "failed" when FailedPolicyRetention is { } retention => policy.UpdatedAt + retention,
        _ => null,
    };

    private SimEvent Step(SimPolicy policy)
    {
        var cluster = FindCluster(policy.ClusterId)!;
        policy.UpdatedAt = Now;
        if (policy.State is "pending" or "scheduled")
        {
            policy.State = "started";
            policy.StartedAt = Now;
            // One draw per started upgrade, in event order: the same seed and calls give the same failures.
            var drawn = FailureRate > 0 && failureRandom.NextDouble() < FailureRate;
            policy.WillFail = TakeFailureOnDemand(cluster.Id, policy.Version) || drawn;
        }
        else if (policy.State == "failed")
        {
            // OCM forgets a failed policy after a while (FailedPolicyRetention).
            policy.State = "forgotten";
            Policies.Remove(policy);
        }
        else if (policy.WillFail)
        {
            policy.State = "failed";
        }
        else
        {
            policy.State = "completed";
            Policies.Remove(policy);
            if (policy.Kind == SimPolicyKind.NodePool)
            {
                cluster.NodePools.Find(p => p.Id == policy.NodePoolId)!.Version = policy.Version;
            }
            else
            {
                cluster.Version = policy.Version;
                cluster.StatedUpgrades.RemoveAll(v => VersionOrder.Instance.Compare(v, policy.Version) <= 0);
                Recompute(cluster);
            }
        }

        return new SimEvent(Now, cluster.Id, cluster.Name, policy.Id, KindName(policy.Kind), policy.NodePoolId, policy.Version, policy.State);
    }

    public static string KindName(SimPolicyKind kind) => kind switch
    {
        SimPolicyKind.ControlPlane => "control-plane",
        SimPolicyKind.NodePool => "node-pool",
        _ => "cluster",
    };

    public void AddRelease(string version, IEnumerable<string> channels, bool recompute = true)
    {
        var release = Releases.Find(r => r.Version == version);
        if (release is null)
        {
            release = new SimRelease { Version = version, Channels = new SortedSet<string>(StringComparer.Ordinal) };
            Releases.Add(release);
            Releases.Sort((a, b) => VersionOrder.Instance.Compare(a.Version, b.Version));
        }

        release.Channels.UnionWith(channels);
        if (recompute)
        {
            foreach (var cluster in Clusters)
            {
                Recompute(cluster);
            }
        }
    }

    /// <summary>
    /// What OCM offers a cluster: released versions above it in its channel, and the channels of its group that
    /// releases at or above it are in. Without releases in the fleet file the stated lists stay, plus what
    /// releases added later offer.
    /// </summary>
    public void Recompute(SimCluster cluster)
    {
        var upgrades = Releases
            .Where(r => VersionOrder.Instance.Compare(r.Version, cluster.Version) > 0 && r.Channels.Contains(cluster.Channel))
            .Select(r => r.Version);
        var channels = Releases
            .Where(r => VersionOrder.Instance.Compare(r.Version, cluster.Version) >= 0)
            .SelectMany(r => r.Channels)
            .Where(c => SimCluster.GroupOf(c) == cluster.ChannelGroup);
        if (!ReleasesAreAuthoritative)
        {
            upgrades = upgrades.Concat(cluster.StatedUpgrades);
            channels = channels.Concat(cluster.StatedChannels);
        }

        cluster.AvailableUpgrades = [.. upgrades.Distinct().Order(VersionOrder.Instance)];
        cluster.AvailableChannels = [.. channels.Distinct().OrderBy(SimCluster.GroupOf, StringComparer.Ordinal).ThenBy(ChannelMinor, VersionOrder.Instance)];
    }

    public void SetChannel(SimCluster cluster, string channel)
    {
        cluster.Channel = channel;
        Recompute(cluster);
    }

    private static string ChannelMinor(string channel)
    {
        var dash = channel.LastIndexOf('-');
        return dash > 0 ? channel[(dash + 1)..] : channel;
    }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
