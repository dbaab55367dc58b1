using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Forecast;

/// <summary>
/// The predicted rollout of a release: per cluster when it starts and completes, and per
/// organization when the rollout ends. Everything a timeline needs is here.
/// </summary>
public sealed record Forecast
{
    public required DateTimeOffset Now { get; init; }

    public required DateTimeOffset End { get; init; }

    public required ForecastRelease Release { get; init; }

    public required TimeSpan Interval { get; init; }

    public required TimeSpan UpgradeDuration { get; init; }

    /// <summary>Every cluster of every organization's policy, organizations in input order, clusters in file order.</summary>
    public ImmutableArray<ClusterForecast> Clusters { get; init; } = [];

    public ImmutableArray<OrganizationForecast> Organizations { get; init; } = [];

    /// <summary>How many organization passes the forecast planned (a measure of its cost).</summary>
    public int PlannedPasses { get; init; }
}

/// <summary>What becomes of one cluster.</summary>
public enum ForecastOutcome
{
    /// <summary>The cluster runs the release, or a later version, already.</summary>
    AlreadyThere,

    /// <summary>An upgrade to the release (or later) starts within the horizon.</summary>
    Upgrades,

    /// <summary>No upgrade to the release starts within the horizon.</summary>
    NotWithinHorizon,
}

/// <summary>The forecast of one cluster.</summary>
public sealed record ClusterForecast
{
    public required string OrgId { get; init; }

    public required string Name { get; init; }

    /// <summary>The version at the start; null when OCM does not know the cluster.</summary>
    public string? Version { get; init; }

    public required ForecastOutcome Outcome { get; init; }

    /// <summary>When the upgrade to the release starts (its policy's next run).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When the upgrade to the release completes (start plus the upgrade duration).</summary>
    public DateTimeOffset? Completion { get; init; }

    /// <summary>The version the cluster upgrades to at <see cref="Start"/>: the release or a later one.</summary>
    public string? TargetVersion { get; init; }

    /// <summary>The condition that held the cluster longest before its start (or until the horizon).</summary>
    public HeldCondition? HeldLongest { get; init; }

    /// <summary>The last decision of the forecast for the cluster: why it does not get the release, when it does not.</summary>
    public HeldCondition? LastCondition { get; init; }

    /// <summary>Every condition that held the cluster before its start, longest first.</summary>
    public ImmutableArray<HeldCondition> Conditions { get; init; } = [];

    /// <summary>Every upgrade the forecast planned for the cluster, in order: intermediate versions, the release, node pools.</summary>
    public ImmutableArray<ForecastUpgrade> Upgrades { get; init; } = [];
}

/// <summary>A reason the planner gave for not upgrading a cluster, and for how long it held.</summary>
public sealed record HeldCondition(Reason Reason, string Detail, TimeSpan Duration);

/// <summary>
/// One upgrade of a cluster: when its policy was created (at a pass; null for a policy that was in
/// OCM at the start), when it starts and when it completes.
/// </summary>
public sealed record ForecastUpgrade(UpgradePolicyKind Kind, string? NodePool, string Version, DateTimeOffset? Created, DateTimeOffset Start, DateTimeOffset Completion);

/// <summary>The rollout in one organization.</summary>
public sealed record OrganizationForecast
{
    public required string OrgId { get; init; }

    public required string Name { get; init; }

    public required int Clusters { get; init; }

    /// <summary>Clusters that run the release at the end of the rollout, or already did.</summary>
    public required int Reached { get; init; }

    /// <summary>When the last cluster completes the release; null when a cluster does not get it within the horizon.</summary>
    public DateTimeOffset? RolloutEnd { get; init; }

    /// <summary>Validation errors stop the whole organization; the forecast shows none of its clusters upgrading.</summary>
    public bool IsInvalid { get; init; }
}
