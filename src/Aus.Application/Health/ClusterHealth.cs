using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Application.Health;

/// <summary>
/// Puts the answers of an organization's health checks on its clusters as health errors, next to
/// any a fleet file already gives. A provider that failed marks every cluster unhealthy: an
/// enforced check then stops the whole organization accruing soak days, the safe side, rather
/// than counting days on clusters nobody could look at.
/// </summary>
public static class ClusterHealth
{
    public static FleetOrganization Apply(FleetOrganization fleet, IReadOnlyList<HealthAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            return fleet;
        }

        return fleet with { Clusters = [.. fleet.Clusters.Select(cluster => WithAnswers(cluster, answers))] };
    }

    /// <summary>The error every cluster gets from a provider that did not answer.</summary>
    public static string ProviderFailedError(string failure) => $"the health provider did not answer: {failure}";

    private static OcmCluster WithAnswers(OcmCluster cluster, IReadOnlyList<HealthAnswer> answers)
    {
        var errors = cluster.HealthErrors.ToBuilder();
        foreach (var answer in answers)
        {
            var source = answer.Check.Provider;
            if (answer.Failure is { } failure)
            {
                errors.Add(new HealthError(source, ProviderFailedError(failure), answer.Check.Enforced));
            }
            else if (answer.ProblemsByExternalId.TryGetValue(cluster.ExternalId, out var problems))
            {
                errors.AddRange(problems.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .Select(problem => new HealthError(source, problem, answer.Check.Enforced)));
            }
        }

        return errors.Count == cluster.HealthErrors.Length ? cluster : cluster with { HealthErrors = errors.ToImmutable() };
    }
}
