using Microsoft.Extensions.Logging;

namespace Aus.Simulator;

/// <summary>How an <see cref="OcmSimulator"/> starts. Every default is what `aus ocm-sim` uses.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Path of the fleet file (YAML or JSON). Ignored when <see cref="FleetYaml"/> is set.</summary>
    public string? FleetPath { get; init; }

    /// <summary>The fleet as YAML (or JSON) text; wins over <see cref="FleetPath"/>. Neither: an empty fleet.</summary>
    public string? FleetYaml { get; init; }

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    public string ClientId { get; init; } = "aus-sim";

    public string ClientSecret { get; init; } = "aus-sim";

    /// <summary>The offline token the refresh-token grant accepts (with client id <c>cloud-services</c>).</summary>
    public string OfflineToken { get; init; } = "aus-sim-offline-token";

    /// <summary>How long an access token stays valid, measured on <see cref="TimeProvider"/> (not the virtual clock).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Virtual time from a policy's start until the cluster runs the new version.</summary>
    public TimeSpan UpgradeDuration { get; init; } = TimeSpan.FromMinutes(90);

    /// <summary>Probability (0..1) that a started upgrade ends failed.</summary>
    public double FailureRate { get; init; }

    /// <summary>
    /// How long (virtual time) a failed upgrade policy stays in OCM before it is forgotten (removed,
    /// with a transition in state <c>forgotten</c>); null, the default, keeps it.
    /// </summary>
    public TimeSpan? FailedPolicyRetention { get; init; }

    /// <summary>Seed of every random choice (upgrade failures, faults), so runs repeat.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Initial virtual time; default: the real time at start, truncated to the second.</summary>
    public DateTimeOffset? InitialTime { get; init; }

    /// <summary>Real time, for token expiry only; tests may pass a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the simulator logs upgrade transitions; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
