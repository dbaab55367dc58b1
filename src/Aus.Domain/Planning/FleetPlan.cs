using System.Collections.Immutable;

namespace Aus.Domain.Planning;

/// <summary>The result of one planning pass over every organization.</summary>
public sealed record FleetPlan(DateTimeOffset Now, ImmutableArray<OrganizationPlan> Organizations)
{
    /// <summary>The reasoning for <see cref="PlanRequest.ExplainCluster"/>, when it was asked for and found.</summary>
    public ClusterExplanation? Explanation { get; init; }
}
