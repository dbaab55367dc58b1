using System.Globalization;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;

namespace Aus.Application.Health;

/// <summary>The warnings health checks add to a pass.</summary>
public static class HealthMessages
{
    public static string NotConfigured(string provider, EnvironmentName environment) =>
        $"ausClusterHealthChecks: the {provider} provider is not configured for environment '{environment}' (no 'prometheus' in its settings); the check is skipped";

    public static string Failed(HealthCheck check, string failure, int clusters) => check.Enforced
        ? string.Create(CultureInfo.InvariantCulture, $"ausClusterHealthChecks: the {check.Provider} provider failed ({failure}); the organization's {clusters} {(clusters == 1 ? "cluster counts" : "clusters count")} as unhealthy and accrue no soak days this pass")
        : $"ausClusterHealthChecks: the {check.Provider} provider failed ({failure}); its clusters are reported unhealthy (not enforced, so soak days still accrue)";
}
