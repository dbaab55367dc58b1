using Aus.Domain.Fleet;

namespace Aus.Application.Health;

/// <summary>A source of cluster health, such as the telemeter Prometheus; asked once per organization and pass.</summary>
public interface IClusterHealthProvider
{
    /// <summary>The provider's name as organizations list it in <c>ausClusterHealthChecks</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The problems of the organization's clusters, keyed by the cluster's external id; a healthy
    /// cluster may be absent. Throws <see cref="HealthProviderException"/> when the provider cannot answer.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> QueryAsync(OrganizationId organizationId, CancellationToken cancellationToken);
}
