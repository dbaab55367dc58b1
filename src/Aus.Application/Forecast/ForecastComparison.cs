using System.Collections.Immutable;

namespace Aus.Application.Forecast;

/// <summary>Two forecasts of the same release and fleet under two policy sets (the what-if), cluster by cluster.</summary>
public sealed record ForecastComparison(Forecast Baseline, Forecast Proposed)
{
    public ImmutableArray<ClusterComparison> Clusters { get; init; } = [];

    public ImmutableArray<OrganizationComparison> Organizations { get; init; } = [];
}

/// <summary>One cluster under both policy sets; either side is null when the cluster has no policy there.</summary>
public sealed record ClusterComparison(string OrgId, string Name, ClusterForecast? Baseline, ClusterForecast? Proposed)
{
    /// <summary>The fields of the cluster's policy (and of its sector and organization) that differ.</summary>
    public ImmutableArray<PolicyChange> Changes { get; init; } = [];

    /// <summary>How much later (positive) or earlier the proposed policies complete the release; null unless both complete it.</summary>
    public TimeSpan? CompletionShift => Baseline?.Completion is { } before && Proposed?.Completion is { } after ? after - before : null;

    /// <summary>Whether anything a reviewer would want to see differs: the policy, the outcome or the times.</summary>
    public bool IsChanged =>
        !Changes.IsEmpty
        || Baseline?.Outcome != Proposed?.Outcome
        || Baseline?.Start != Proposed?.Start
        || Baseline?.Completion != Proposed?.Completion;
}

/// <summary>A policy field that differs between the two policy sets, as written in the files.</summary>
public sealed record PolicyChange(string Field, string Before, string After);

/// <summary>One organization's rollout end under both policy sets.</summary>
public sealed record OrganizationComparison(string OrgId, string Name, OrganizationForecast? Baseline, OrganizationForecast? Proposed);
