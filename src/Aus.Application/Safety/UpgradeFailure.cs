namespace Aus.Application.Safety;

/// <summary>A cluster's upgrade to a version that OCM reported as failed.</summary>
public sealed record UpgradeFailure(string Cluster, string Version);
