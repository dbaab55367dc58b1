namespace Aus.Policies.Labels;

/// <summary>The OCM label keys of the label-based configuration: <c>sre-capabilities.aus.&lt;atom&gt;</c>.</summary>
public static class AusLabelKeys
{
    public const string Prefix = "sre-capabilities.aus.";

    // Subscription (cluster) labels.
    public const string SoakDays = Prefix + "soak-days";
    public const string Workloads = Prefix + "workloads";
    public const string Schedule = Prefix + "schedule";
    public const string Mutexes = Prefix + "mutexes";
    public const string Sector = Prefix + "sector";
    public const string BlockedVersions = Prefix + "blocked-versions";
    public const string VersionGateApprovals = Prefix + "version-gate-approvals";

    // Organization labels (blocked-versions is shared with the cluster labels).
    public const string SectorDepsPrefix = Prefix + "sector-deps.";
    public const string SectorMaxParallelPrefix = Prefix + "sector-max-parallel-upgrades.";
    public const string VersionDataPrefix = Prefix + "version-data.";
    public const string InheritVersionData = VersionDataPrefix + "inherit";
    public const string PublishVersionData = VersionDataPrefix + "publish";

    /// <summary>The key a cluster is discovered by: any label of the capability, known to aus or not.</summary>
    public static bool IsAusLabel(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    public static string SectorDeps(string sector) => SectorDepsPrefix + sector;

    public static string SectorMaxParallel(string sector) => SectorMaxParallelPrefix + sector;

    internal static readonly string[] ClusterKeys = [SoakDays, Workloads, Schedule, Mutexes, Sector, BlockedVersions, VersionGateApprovals];
}
