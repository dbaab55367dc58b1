namespace Aus.Integrations.Tests.Health;

/// <summary>Every test that needs Prometheus shares one server.</summary>
[CollectionDefinition(Name)]
public sealed class PrometheusCollection : ICollectionFixture<PrometheusServer>
{
    public const string Name = "prometheus";
}
