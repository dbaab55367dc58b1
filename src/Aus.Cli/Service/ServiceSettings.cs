using System.Collections.Immutable;
using System.Net;
using Aus.Storage;

namespace Aus.Cli.Service;

/// <summary>
/// The validated settings of `aus run` and `aus serve`: the settings file with the environment
/// variables and the command line applied over it (docs/operations.md lists every key).
/// </summary>
internal sealed record ServiceSettings
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    public static readonly IPEndPoint DefaultListen = new(IPAddress.Loopback, 9090);

    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultOrganizationDeadline = TimeSpan.FromMinutes(5);

    public const int DefaultConcurrency = 8;

    public ImmutableArray<OcmEnvironmentSettings> Environments { get; init; } = [];

    /// <summary>Organization files, or directories of them.</summary>
    public ImmutableArray<string> Policies { get; init; } = [];

    public required StateLocation State { get; init; }

    public TimeSpan Interval { get; init; } = DefaultInterval;

    public int Concurrency { get; init; } = DefaultConcurrency;

    public bool DryRun { get; init; }

    public IPEndPoint Listen { get; init; } = DefaultListen;

    /// <summary>How long a pass in progress may run on after SIGTERM before it is abandoned.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = DefaultShutdownTimeout;

    /// <summary>The longest one organization's work may take in a pass before it fails with "deadline exceeded".</summary>
    public TimeSpan OrganizationDeadline { get; init; } = DefaultOrganizationDeadline;

    /// <summary>Take each pass's time from the OCM simulator's virtual clock (tests and demos).</summary>
    public bool SimulatorClock { get; init; }
}
