using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>One cluster's upgrade spec: the OCM cluster together with its policy.</summary>
public sealed class UpgradeSpec
{
    public UpgradeSpec(OrganizationPolicy organization, ClusterPolicy policy, OcmCluster cluster)
        : this(organization, policy, cluster, addonId: null)
    {
    }

    private UpgradeSpec(OrganizationPolicy organization, ClusterPolicy policy, OcmCluster cluster, string? addonId)
    {
        Policy = policy;
        AddonId = addonId;
        Cluster = cluster;
        // As in the reference, node pools exist only for hosted control planes (ROSA HCP).
        var pools = cluster.IsHostedControlPlane ? cluster.NodePools : [];
        OldestCurrentVersion = cluster.Version;
        foreach (var pool in pools)
        {
            OldestCurrentVersion = OpenShiftVersion.Min(OldestCurrentVersion, pool.Version);
        }

        EffectiveMutexes = WithoutDuplicates(policy.Mutexes.Add(new MutexName(cluster.Id.Value)));
        var blocked = WithoutDuplicates(policy.BlockedVersions.IsEmpty ? organization.BlockedVersions : organization.BlockedVersions.AddRange(policy.BlockedVersions));
        // A helper rather than a lambda here: capturing the parameter would cost every cluster's spec an allocation.
        BlockedVersions = addonId is null ? blocked : AddonPatterns(blocked, addonId);
        AvailableUpgrades = OldestCurrentVersion != cluster.Version && !cluster.AvailableUpgrades.Contains(cluster.Version)
            ? cluster.AvailableUpgrades.Insert(0, cluster.Version)
            : cluster.AvailableUpgrades;
    }

    public ClusterPolicy Policy { get; }

    /// <summary>
    /// The add-on this spec upgrades, or null for the cluster itself. An add-on spec carries the
    /// add-on as its cluster: the add-on's version, the catalog's latest as the one available
    /// upgrade, and the add-on's upgrade policies as the cluster's.
    /// </summary>
    public string? AddonId { get; }

    public OcmCluster Cluster { get; }

    public string Name => Policy.Name;

    public ClusterId ClusterId => Cluster.Id;

    /// <summary>The cluster's (control plane's) version.</summary>
    public OpenShiftVersion CurrentVersion => Cluster.Version;

    /// <summary>The lowest version among the control plane and the node pools.</summary>
    public OpenShiftVersion OldestCurrentVersion { get; }

    /// <summary>The policy's mutexes and the implicit per-cluster mutex, the cluster id.</summary>
    public ImmutableArray<MutexName> EffectiveMutexes { get; }

    /// <summary>The organization's and the cluster's blocked-version patterns.</summary>
    public ImmutableArray<VersionPattern> BlockedVersions { get; }

    /// <summary>
    /// OCM's available upgrades; when node pools lag behind the control plane, the current version
    /// comes first so that the pools can catch up to it.
    /// </summary>
    public ImmutableArray<OpenShiftVersion> AvailableUpgrades { get; }

    public bool HasEnforcedHealthErrors => Cluster.HealthErrors.Any(e => e.Enforce);

    /// <summary>
    /// The spec of one add-on of a cluster: the add-on runs <paramref name="version"/> and the
    /// catalog's latest is offered when it differs (as text) from it. Node pools, channels, gate
    /// agreements and health errors are the cluster's, not the add-on's, so they are left out.
    /// </summary>
    public static UpgradeSpec ForAddon(OrganizationPolicy organization, ClusterPolicy policy, OcmCluster cluster, string addonId, OpenShiftVersion version, OpenShiftVersion latest)
    {
        var addon = cluster with
        {
            Version = version,
            AvailableUpgrades = string.Equals(version.ToString(), latest.ToString(), StringComparison.Ordinal) ? [] : [latest],
            AvailableChannels = [],
            NodePools = [],
            UpgradePolicies = [.. cluster.AddonUpgradePolicies.Where(p => string.Equals(p.AddonId, addonId, StringComparison.Ordinal))],
            AddonUpgradePolicies = [],
            Addons = [],
            GateAgreements = [],
            HealthErrors = [],
        };
        return new UpgradeSpec(organization, policy, addon, addonId);
    }

    /// <summary>
    /// The text blocked-version patterns are matched against: the version, or for an add-on
    /// "ADDON_ID/VERSION", so that a pattern names the add-on it blocks.
    /// </summary>
    public string BlockedSubject(OpenShiftVersion version) =>
        AddonId is null ? version.ToString() : $"{AddonId}/{version}";

    /// <summary>The first pattern that blocks the version, or null when it is not blocked.</summary>
    public VersionPattern? BlockingPattern(OpenShiftVersion version)
    {
        var text = BlockedSubject(version);
        foreach (var pattern in BlockedVersions)
        {
            if (pattern.IsMatch(text))
            {
                return pattern;
            }
        }

        return null;
    }

    public override string ToString() => Name;

    /// <summary>Only patterns written for the add-on count for it: "ADDON_ID/..." or "^ADDON_ID/...".</summary>
    private static ImmutableArray<VersionPattern> AddonPatterns(ImmutableArray<VersionPattern> patterns, string addonId) =>
        [.. patterns.Where(p => IsAddonPattern(p, addonId))];

    private static bool IsAddonPattern(VersionPattern pattern, string addonId)
    {
        var source = pattern.Source.StartsWith('^') ? pattern.Source[1..] : pattern.Source;
        return source.StartsWith(addonId + "/", StringComparison.Ordinal);
    }

    /// <summary>
    /// The items without repeats, first occurrence kept. Built for every cluster of the fleet, so the
    /// usual short list without repeats is returned as it is rather than copied.
    /// </summary>
    private static ImmutableArray<T> WithoutDuplicates<T>(ImmutableArray<T> items)
    {
        if (items.Length > 8)
        {
            return [.. items.Distinct()];
        }

        for (var i = 1; i < items.Length; i++)
        {
            if (items.IndexOf(items[i], 0, i, EqualityComparer<T>.Default) >= 0)
            {
                return [.. items.Distinct()];
            }
        }

        return items;
    }
}
