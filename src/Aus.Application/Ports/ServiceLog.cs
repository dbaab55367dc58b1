namespace Aus.Application.Ports;

/// <summary>A message to a cluster's owners in OCM's service log.</summary>
/// <param name="ClusterUuid">The cluster's external id (OCM's service logs are keyed by it).</param>
public sealed record ServiceLog(string ClusterUuid, string Summary, string Description)
{
    public const string Severity = "Moderate";
}
