using Aus.Domain.Fleet;

namespace Aus.Application.Notifications;

/// <summary>
/// What makes two notifications the same, for the delivery ledger: the organization, the cluster
/// ("" for the organization itself), the event, the version ("" when none) and a detail that tells
/// policies apart (the policy id, a created policy's start time, or a digest of validation errors).
/// </summary>
public sealed record NotificationKey(EnvironmentName Environment, OrganizationId OrganizationId, string Cluster, string Event, string Version, string Detail)
{
    public override string ToString() => $"{Environment}/{OrganizationId}/{Cluster}/{Event}/{Version}/{Detail}";
}
