using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Domain.Policies;

/// <summary>The upgrade policy of one OCM organization: its clusters, sectors and shared settings.</summary>
public sealed record OrganizationPolicy
{
    public static readonly EnvironmentName DefaultEnvironment = new("production");

    public required string Name { get; init; }

    public required OrganizationId OrgId { get; init; }

    public EnvironmentName Environment { get; init; } = DefaultEnvironment;

    public ImmutableArray<VersionPattern> BlockedVersions { get; init; } = [];

    public ImmutableArray<Workload> AllowedWorkloads { get; init; } = [];

    public ImmutableArray<MutexName> AllowedMutexes { get; init; } = [];

    public ImmutableArray<Sector> Sectors { get; init; } = [];

    public ImmutableArray<InheritedOrganization> InheritVersionData { get; init; } = [];

    public ImmutableArray<OrganizationId> PublishVersionData { get; init; } = [];

    public ImmutableArray<ClusterPolicy> Clusters { get; init; } = [];

    /// <summary>The <c>ausClusterHealthChecks</c> of the organization, one per provider.</summary>
    public ImmutableArray<HealthCheck> HealthChecks { get; init; } = [];

    /// <summary>Times when no upgrade may start in the organization.</summary>
    public ImmutableArray<FreezeWindow> Freezes { get; init; } = [];

    /// <summary>When set, a version is halted after this many failed upgrades to it.</summary>
    public HaltOnFailure? HaltOnFailure { get; init; }

    /// <summary>Whether aus schedules the add-on upgrades of the organization's clusters too.</summary>
    public bool AddonManagedUpgrades { get; init; }
}
