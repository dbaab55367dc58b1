using Aus.Domain.Fleet;

namespace Aus.Domain.Planning;

/// <summary>An error or warning about an organization, or one of its clusters when Cluster is set.</summary>
public sealed record OrganizationMessage(string? Cluster, string Message)
{
    /// <summary>
    /// The OCM id of <see cref="Cluster"/> when OCM knows the cluster; set by the planner, so that
    /// nobody after it has to match the name against the fleet again.
    /// </summary>
    public ClusterId? ClusterId { get; init; }
}
