namespace Aus.Domain.Planning;

/// <summary>The planner's decision for one cluster of the policy, with a sentence that explains it.</summary>
public sealed record ClusterDecision
{
    public required string Name { get; init; }

    /// <summary>The OCM id of the cluster; null where the organization could not be planned (its clusters are only names then).</summary>
    public Fleet.ClusterId? ClusterId { get; init; }

    /// <summary>The add-on the decision is about; null for the cluster's own upgrade.</summary>
    public string? Addon { get; init; }

    /// <summary>The version the cluster (or the add-on) runs; null when OCM does not know the cluster.</summary>
    public string? Version { get; init; }

    public required Decision Decision { get; init; }

    public required Reason Reason { get; init; }

    public string? TargetVersion { get; init; }

    public DateTimeOffset? NextRun { get; init; }

    public required string Detail { get; init; }
}
