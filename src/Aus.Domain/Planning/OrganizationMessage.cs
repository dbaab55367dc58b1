namespace Aus.Domain.Planning;

/// <summary>An error or warning about an organization, or one of its clusters when Cluster is set.</summary>
public sealed record OrganizationMessage(string? Cluster, string Message);
