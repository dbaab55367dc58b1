namespace Aus.Simulator.Model;

/// <summary>A cluster with its subscription: what clusters_mgmt and accounts_mgmt tell of it.</summary>
internal sealed class SimCluster
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string ExternalId { get; init; }

    public required string SubscriptionId { get; init; }

    public required string OrganizationId { get; init; }

    public string Product { get; init; } = "osd";

    public bool Hypershift { get; init; }

    public bool Managed { get; init; } = true;

    public string State { get; set; } = "ready";

    public string SubscriptionStatus { get; init; } = "Active";

    public required string Channel { get; set; }

    /// <summary>The version the cluster (for hosted control planes: the control plane) runs.</summary>
    public required string Version { get; set; }

    /// <summary>What the fleet file stated; kept (and trimmed after upgrades) when there are no releases.</summary>
    public List<string> StatedUpgrades { get; init; } = [];

    public List<string> StatedChannels { get; init; } = [];

    public List<string> AvailableUpgrades { get; set; } = [];

    public List<string> AvailableChannels { get; set; } = [];

    public List<SimNodePool> NodePools { get; init; } = [];

    public List<SimGateAgreement> GateAgreements { get; init; } = [];

    public List<SimInstalledAddon> Addons { get; init; } = [];

    public bool StsEnabled { get; init; }

    public string Region { get; init; } = "us-east-1";

    public string CloudProvider { get; init; } = "aws";

    public DateTimeOffset CreatedAt { get; init; }

    public string ChannelGroup => GroupOf(Channel);

    public static string GroupOf(string channel)
    {
        var dash = channel.LastIndexOf('-');
        return dash > 0 ? channel[..dash] : channel;
    }
}
