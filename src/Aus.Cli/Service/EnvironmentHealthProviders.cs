using Aus.Application.Health;
using Aus.Domain.Fleet;
using Aus.Integrations.Settings;

namespace Aus.Cli.Service;

/// <summary>
/// The health providers of the service's OCM environments, built from each environment's
/// <c>prometheus</c> setting on first use (its secret was checked at start-up) and kept for the process.
/// </summary>
internal sealed class EnvironmentHealthProviders(IReadOnlyList<OcmEnvironmentSettings> environments) : IHealthProviderSource, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, IReadOnlyList<IClusterHealthProvider>> _built = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyList<IClusterHealthProvider> For(EnvironmentName environment)
    {
        lock (_lock)
        {
            if (!_built.TryGetValue(environment.Value, out var providers))
            {
                var settings = environments.FirstOrDefault(e => e.Serves(environment));
                var errors = new List<string>();
                var provider = settings is null
                    ? null
                    : IntegrationFactory.HealthProvider(settings.Integrations, _http, Environment.GetEnvironmentVariable, File.ReadAllText, $"environment {environment}", errors);
                providers = provider is null ? [] : [provider];
                _built[environment.Value] = providers;
            }

            return providers;
        }
    }

    public void Dispose() => _http.Dispose();
}
