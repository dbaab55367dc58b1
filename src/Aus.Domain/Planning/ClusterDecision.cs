namespace Aus.Domain.Planning;

/// <summary>The planner's decision for one cluster of the policy, with a sentence that explains it.</summary>
public sealed record ClusterDecision
{
    public required string Name { get; init; }

    /// <summary>The version the cluster runs; null when OCM does not know the cluster.</summary>
    public string? Version { get; init; }

    public required Decision Decision { get; init; }

    public required Reason Reason { get; init; }

    public string? TargetVersion { get; init; }

    public DateTimeOffset? NextRun { get; init; }

    public required string Detail { get; init; }
}
