namespace Aus.Simulator.Fleet;

/// <summary>
/// The fleet snapshot file as the simulator reads it (the snapshot `aus plan --fleet` reads, plus <c>releases</c>,
/// policy <c>kind</c>/<c>nodePool</c>, and optional organization names and labels).
/// Deliberately separate from the planner's reader: the simulator must not share code with the client side.
/// </summary>
internal sealed class FleetDocument
{
    public List<GateEntry>? VersionGates { get; set; }

    /// <summary>The add-on catalog: the latest version of each add-on.</summary>
    public Dictionary<string, string>? AddonVersions { get; set; }

    public List<ReleaseEntry>? Releases { get; set; }

    public List<OrganizationEntry>? Organizations { get; set; }

    internal sealed class GateEntry
    {
        public string? Id { get; set; }

        public string? VersionRawIdPrefix { get; set; }

        public string? Label { get; set; }

        public bool StsOnly { get; set; }

        public string? Value { get; set; }

        public string? Description { get; set; }
    }

    internal sealed class ReleaseEntry
    {
        public string? Version { get; set; }

        public List<string>? Channels { get; set; }
    }

    internal sealed class OrganizationEntry
    {
        public string? OrgId { get; set; }

        public string? Name { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public List<ClusterEntry>? Clusters { get; set; }
    }

    internal sealed class ClusterEntry
    {
        public string? Name { get; set; }

        public string? Id { get; set; }

        public string? ExternalId { get; set; }

        public string? SubscriptionId { get; set; }

        public string? Product { get; set; }

        public bool Hypershift { get; set; }

        public string? State { get; set; }

        public string? Channel { get; set; }

        public string? Version { get; set; }

        public List<string>? AvailableUpgrades { get; set; }

        public List<string>? AvailableChannels { get; set; }

        public List<NodePoolEntry>? NodePools { get; set; }

        public List<AddonEntry>? Addons { get; set; }

        public List<PolicyEntry>? UpgradePolicies { get; set; }

        public List<string>? GateAgreements { get; set; }

        public List<HealthErrorEntry>? HealthErrors { get; set; }

        public AwsEntry? Aws { get; set; }

        public Dictionary<string, string>? Labels { get; set; }
    }

    internal sealed class NodePoolEntry
    {
        public string? Id { get; set; }

        public string? Version { get; set; }

        public int? Replicas { get; set; }
    }

    internal sealed class PolicyEntry
    {
        public string? Id { get; set; }

        public string? Version { get; set; }

        public string? ScheduleType { get; set; }

        public string? Schedule { get; set; }

        public string? NextRun { get; set; }

        public string? State { get; set; }

        public string? Kind { get; set; }

        public string? NodePool { get; set; }

        public string? Addon { get; set; }
    }

    internal sealed class AddonEntry
    {
        public string? Id { get; set; }

        public string? Version { get; set; }

        public string? State { get; set; }
    }

    /// <summary>Accepted so planner fleet files load; OCM's health comes from telemeter, which the simulator does not serve.</summary>
    internal sealed class HealthErrorEntry
    {
        public string? Source { get; set; }

        public string? Error { get; set; }

        public bool Enforce { get; set; }
    }

    internal sealed class AwsEntry
    {
        public StsEntry? Sts { get; set; }
    }

    internal sealed class StsEntry
    {
        public bool Enabled { get; set; }
    }
}
