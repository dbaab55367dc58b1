using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;

namespace Aus.Application.Health;

/// <summary>
/// Runs an organization's <c>ausClusterHealthChecks</c> against the providers its environment has,
/// one query per provider, and puts the answers on the clusters (<see cref="ClusterHealth"/>).
/// </summary>
public sealed class ClusterHealthChecker(IReadOnlyList<IClusterHealthProvider> providers)
{
    public async Task<HealthCheckResult> CheckAsync(OrganizationPolicy organization, FleetOrganization fleet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(fleet);
        var answers = new List<HealthAnswer>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var failed = ImmutableArray.CreateBuilder<string>();
        foreach (var check in organization.HealthChecks)
        {
            var provider = providers.FirstOrDefault(p => string.Equals(p.Name, check.Provider, StringComparison.Ordinal));
            if (provider is null)
            {
                warnings.Add(HealthMessages.NotConfigured(check.Provider, organization.Environment));
                continue;
            }

            try
            {
                answers.Add(new HealthAnswer(check, await provider.QueryAsync(organization.OrgId, cancellationToken)));
            }
            catch (HealthProviderException e)
            {
                answers.Add(HealthAnswer.Failed(check, e.Message));
                warnings.Add(HealthMessages.Failed(check, e.Message, fleet.Clusters.Length));
                failed.Add(check.Provider);
            }
        }

        return new HealthCheckResult(
            ClusterHealth.Apply(fleet, answers),
            warnings.ToImmutable(),
            [.. answers.Select(a => a.Check.Provider)],
            failed.ToImmutable());
    }
}
