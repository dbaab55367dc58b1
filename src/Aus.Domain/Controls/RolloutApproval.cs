namespace Aus.Domain.Controls;

/// <summary>Leave for the clusters of a sector that requires approval to upgrade to one version.</summary>
public sealed record RolloutApproval(string Sector, string Version);
