using Aus.Domain.Policies;

namespace Aus.Application.Health;

/// <summary>
/// What one organization's health check got: the problems per cluster external id, or the reason
/// the provider gave none (<see cref="Failure"/>).
/// </summary>
public sealed record HealthAnswer(HealthCheck Check, IReadOnlyDictionary<string, IReadOnlyList<string>> ProblemsByExternalId, string? Failure = null)
{
    public static HealthAnswer Failed(HealthCheck check, string failure) =>
        new(check, new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), failure);
}
