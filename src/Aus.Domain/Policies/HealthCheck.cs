namespace Aus.Domain.Policies;

/// <summary>
/// A health provider an organization asks for. Its errors are always reported; only an enforced
/// check's errors stop a cluster counting toward soak days.
/// </summary>
public sealed record HealthCheck(string Provider, bool Enforced)
{
    /// <summary>The only provider: firing critical alerts from the telemeter Prometheus.</summary>
    public const string Telemeter = "telemeter";
}
