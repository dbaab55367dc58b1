using Aus.Domain.Fleet;

namespace Aus.Application.Health;

/// <summary>The health providers an OCM environment has (its <c>prometheus</c> gives the telemeter one); none when it has none.</summary>
public interface IHealthProviderSource
{
    IReadOnlyList<IClusterHealthProvider> For(EnvironmentName environment);
}
