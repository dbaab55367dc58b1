namespace Aus.Domain.Fleet;

/// <summary>A health problem of a cluster; an enforced one stops it counting toward soak days.</summary>
public sealed record HealthError(string Source, string Error, bool Enforce);
