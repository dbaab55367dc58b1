using Aus.Ocm.Configuration;
using Aus.Ocm.Tests.Support;
using Aus.Simulator;

namespace Aus.Ocm.Tests.Simulator;

/// <summary>The OCM simulator on a loopback port and the real <see cref="OcmClient"/> talking to it over HTTP.</summary>
internal sealed class SimClient : IAsyncDisposable
{
    private SimClient(OcmSimulator sim, OcmClient client, ObservingHandler wire, CapturingLoggerProvider log)
    {
        Sim = sim;
        Client = client;
        Wire = wire;
        Log = log;
    }

    public OcmSimulator Sim { get; }

    public OcmClient Client { get; }

    /// <summary>The client's side of the wire, for dropping, failing or watching requests.</summary>
    public ObservingHandler Wire { get; }

    public CapturingLoggerProvider Log { get; }

    public static async Task<SimClient> StartAsync(
        string fleet,
        Func<SimulatorOptions, SimulatorOptions>? configureSim = null,
        Func<OcmClientOptions, OcmClientOptions>? configureClient = null,
        Func<OcmSimulator, OcmCredentials>? credentials = null,
        TimeProvider? clientTime = null)
    {
        var simOptions = new SimulatorOptions { FleetYaml = fleet, InitialTime = SimFleets.Start };
        var sim = await OcmSimulator.StartAsync(configureSim?.Invoke(simOptions) ?? simOptions, CancellationToken.None);
        var options = new OcmClientOptions
        {
            BaseUrl = sim.BaseUrl,
            TokenUrl = sim.TokenUrl,
            Credentials = credentials?.Invoke(sim) ?? OcmCredentials.ForClient(sim.ClientId, sim.ClientSecret),

            // Retries happen without pause unless a test runs the client on fake time to look at the delays.
            RetryBaseDelay = clientTime is null ? TimeSpan.Zero : TimeSpan.FromSeconds(1),
        };
        var wire = new ObservingHandler();
        var log = new CapturingLoggerProvider();
        var client = OcmClient.Create(configureClient?.Invoke(options) ?? options, clientTime, log, wire);
        return new SimClient(sim, client, wire, log);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sim.DisposeAsync();
    }
}
