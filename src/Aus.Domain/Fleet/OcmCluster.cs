using System.Collections.Immutable;
using Aus.Domain.Versions;

namespace Aus.Domain.Fleet;

/// <summary>What OCM knows of one cluster.</summary>
public sealed record OcmCluster
{
    public required string Name { get; init; }

    public required ClusterId Id { get; init; }

    public required string ExternalId { get; init; }

    public string Product { get; init; } = "osd";

    /// <summary>True for a hosted control plane (ROSA HCP).</summary>
    public bool Hypershift { get; init; }

    public required ChannelName Channel { get; init; }

    public required OpenShiftVersion Version { get; init; }

    /// <summary>Upgrades OCM offers, in OCM's order.</summary>
    public ImmutableArray<OpenShiftVersion> AvailableUpgrades { get; init; } = [];

    public ImmutableArray<ChannelName> AvailableChannels { get; init; } = [];

    public ImmutableArray<NodePool> NodePools { get; init; } = [];

    public ImmutableArray<ExistingUpgradePolicy> UpgradePolicies { get; init; } = [];

    /// <summary>Add-ons installed on the cluster, in OCM's order.</summary>
    public ImmutableArray<InstalledAddon> Addons { get; init; } = [];

    /// <summary>Add-on upgrade policies that already exist in OCM; kept apart from the cluster's own.</summary>
    public ImmutableArray<ExistingUpgradePolicy> AddonUpgradePolicies { get; init; } = [];

    /// <summary>Ids of the version gates already agreed for this cluster.</summary>
    public ImmutableArray<string> GateAgreements { get; init; } = [];

    public ImmutableArray<HealthError> HealthErrors { get; init; } = [];

    public bool StsEnabled { get; init; }

    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Whether this is a hosted control plane cluster, as the reference tells it (ROSA and hypershift).</summary>
    public bool IsHostedControlPlane => Hypershift && string.Equals(Product, "rosa", StringComparison.Ordinal);

    /// <summary>The channel group (stable, fast, eus, candidate): the channel without its -X.Y suffix.</summary>
    public string ChannelGroup
    {
        get
        {
            var channel = Channel.Value;
            var dash = channel.LastIndexOf('-');
            return dash > 0 ? channel[..dash] : channel;
        }
    }
}
