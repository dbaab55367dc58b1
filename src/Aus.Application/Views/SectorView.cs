namespace Aus.Application.Views;

/// <summary>One sector and how far it has got: its clusters on the organization's newest version.</summary>
public sealed record SectorView(string Name, System.Collections.Immutable.ImmutableArray<string> DependsOn, int OnNewest, int Total);

/// <summary>A mutex held by a cluster whose upgrade is scheduled or running; other clusters sharing it wait.</summary>
public sealed record MutexHolderView(string Mutex, string Cluster, string? Version);

/// <summary>An upgrade that is scheduled or running, with how long it has been running.</summary>
/// <param name="StartedHoursAgo">Hours since it started; null while it is only scheduled.</param>
public sealed record UpgradeInProgressView(string Cluster, string Version, CandidateState State, double? StartedHoursAgo);

/// <summary>One pass of the service: when, how long, what it did and what went wrong.</summary>
public sealed record PassView(DateTimeOffset Time, TimeSpan Duration, int Organizations, int Actions, int FailedActions)
{
    /// <summary>Failures and errors, one line each, naming the organization.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Errors { get; init; } = [];
}

/// <summary>
/// The forecast of a release for an organization: per cluster, when it is predicted to start and
/// complete and what held it longest. A hook for the forecast use case, which fills it.
/// </summary>
public sealed record ForecastTimelineView(string Release, DateTimeOffset? RolloutEnd, System.Collections.Immutable.ImmutableArray<ForecastClusterView> Clusters);

/// <summary>One cluster of a <see cref="ForecastTimelineView"/>.</summary>
public sealed record ForecastClusterView(string Cluster, DateTimeOffset? Start, DateTimeOffset? Completion, string? HeldLongestBy);
