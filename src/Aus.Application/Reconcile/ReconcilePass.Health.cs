using System.Collections.Immutable;
using Aus.Application.Health;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Domain.Fleet;
using Microsoft.Extensions.Logging;

namespace Aus.Application.Reconcile;

/// <summary>The health step of a pass: before planning, each organization with health checks asks its environment's providers.</summary>
public sealed partial class ReconcilePass
{
    /// <summary>
    /// The fleet with every checked organization's clusters carrying their health errors, and each
    /// organization's check result. A provider that throws anything but a provider error fails that organization only.
    /// </summary>
    private async Task<(FleetRead Fleet, Dictionary<OrganizationId, HealthCheckResult> Results)> CheckHealthAsync(
        IReadOnlyList<OrganizationConfig> planned, FleetRead fleet, Dictionary<OrganizationId, string> failures, CancellationToken cancellationToken)
    {
        var results = new Dictionary<OrganizationId, HealthCheckResult>();
        if (_ports.Health is not { } source)
        {
            return (fleet, results);
        }

        foreach (var organization in planned.Where(o => !o.Policy.HealthChecks.IsEmpty && !failures.ContainsKey(o.OrgId)))
        {
            if (fleet.Snapshot.Find(organization.OrgId) is not { } clusters)
            {
                continue;
            }

            try
            {
                var result = await new ClusterHealthChecker(source.For(organization.Policy.Environment)).CheckAsync(organization.Policy, clusters, cancellationToken);
                results[organization.OrgId] = result;
                foreach (var warning in result.Warnings)
                {
                    LogHealthWarning(organization.OrgId, warning);
                }
            }
            catch (Exception e) when (!Cancelled(e, cancellationToken))
            {
                failures[organization.OrgId] = $"checking cluster health failed: {e.Message}";
            }
        }

        if (results.Count == 0)
        {
            return (fleet, results);
        }

        ImmutableArray<FleetOrganization> organizations = [.. fleet.Snapshot.Organizations.Select(o => results.TryGetValue(o.OrgId, out var result) ? result.Fleet : o)];
        return (fleet with { Snapshot = fleet.Snapshot with { Organizations = organizations } }, results);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "organization {OrgId}: {Warning}")]
    private partial void LogHealthWarning(OrganizationId orgId, string warning);
}
