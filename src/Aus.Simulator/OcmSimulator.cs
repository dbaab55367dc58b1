using System.Net;
using System.Text.Json.Nodes;
using Aus.Simulator.Fleet;
using Aus.Simulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Simulator;

/// <summary>
/// A running OCM API simulator on a loopback port: the OCM endpoints AUS uses, an OAuth2 token endpoint,
/// a virtual clock that drives upgrades, releases, fault injection and request counters.
/// </summary>
public sealed partial class OcmSimulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SimWorld world;
    private readonly FaultInjector faults;

    private OcmSimulator(WebApplication app, SimWorld world, FaultInjector faults, SimulatorStats stats, SimulatorOptions options, Uri baseUrl)
    {
        this.app = app;
        this.world = world;
        this.faults = faults;
        Stats = stats;
        Clock = new SimulatorClock(world);
        BaseUrl = baseUrl;
        TokenUrl = new Uri(baseUrl, TokenEndpoint.Path);
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret;
        OfflineToken = options.OfflineToken;
    }

    /// <summary>The OCM API base URL (what <c>OCM_URL</c> is set to), e.g. <c>http://127.0.0.1:43127</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The token endpoint (what <c>OCM_TOKEN_URL</c> is set to).</summary>
    public Uri TokenUrl { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>The offline token the refresh-token grant accepts with client id <c>cloud-services</c>.</summary>
    public string OfflineToken { get; }

    public SimulatorClock Clock { get; }

    public SimulatorStats Stats { get; }

    /// <summary>The injected faults; setting it applies to the next request.</summary>
    public FaultSettings Faults
    {
        get => faults.Settings;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var problems = value.Validate();
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join("; ", problems), nameof(value));
            }

            faults.Settings = value;
        }
    }

    /// <summary>Reads the fleet, binds a loopback port and starts serving.</summary>
    /// <exception cref="SimulatorConfigurationException">The fleet file is unreadable or invalid; the message says where and why.</exception>
    public static async Task<OcmSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var (yaml, source) = await ReadFleetAsync(options, cancellationToken);
        var now = options.InitialTime ?? TruncateToSecond(options.TimeProvider.GetUtcNow());
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OcmSimulator>();
        var world = SimWorld.Load(FleetReader.Read(yaml, source), source, options, now.ToUniversalTime());
        world.OnTransition = e => LogTransition(logger, e.ClusterName, e.Kind, e.Version, e.State, SimWorld.Format(e.At));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OcmSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is not null)
        {
            builder.Services.AddSingleton(options.LoggerFactory);
        }

        // The host's owner (a test or the CLI) decides when to stop, not Ctrl+C handlers of its own.
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        var stats = new SimulatorStats();
        var faults = new FaultInjector(options.Seed);
        var tokens = new TokenStore(options.TimeProvider, options.TokenLifetime);

        app.UseRouting();
        app.Use((ctx, next) => SimPipeline.CountAsync(ctx, next, stats));
        app.Use((ctx, next) => SimPipeline.InjectFaultsAsync(ctx, next, faults, world, stats));
        app.Use((ctx, next) => SimPipeline.AuthenticateAsync(ctx, next, tokens, world));
        TokenEndpoint.Map(app, options, tokens);
        AccountsEndpoints.Map(app, world);
        ClustersEndpoints.Map(app, world);
        AddonsEndpoints.Map(app, world);
        ServiceLogsEndpoints.Map(app, world);
        SimControlEndpoints.Map(app, world, faults, stats);
        app.MapFallback((Microsoft.AspNetCore.Http.HttpContext ctx) =>
            OcmResults.Error(ctx, world, 404, $"No simulated endpoint for {ctx.Request.Method} {ctx.Request.Path}"));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        LogStarted(logger, address, world.Clusters.Count, SimWorld.Format(world.Now));
        return new OcmSimulator(app, world, faults, stats, options, new Uri(address));
    }

    /// <summary>Adds a release (or more channels to one); every cluster's available upgrades and channels follow.</summary>
    public void AddRelease(string version, params IEnumerable<string> channels)
    {
        if (!VersionOrder.IsVersion(version))
        {
            throw new ArgumentException($"'{version}' is not a version (e.g. 4.16.2)", nameof(version));
        }

        lock (world.Sync)
        {
            world.AddRelease(version, channels);
        }
    }

    /// <summary>Publishes a version of an add-on: from now on it is the catalog's latest version of that add-on.</summary>
    public void PublishAddonVersion(string addonId, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(addonId);
        if (!VersionOrder.IsVersion(version))
        {
            throw new ArgumentException($"'{version}' is not a version (e.g. 1.3.0)", nameof(version));
        }

        lock (world.Sync)
        {
            world.AddonCatalog[addonId] = version;
        }
    }

    /// <summary>
    /// The next <paramref name="clusters"/> clusters that start an upgrade to <paramref name="version"/>
    /// fail it, once each (a later attempt of the same cluster succeeds), whatever the failure rate.
    /// </summary>
    public void FailUpgrades(string version, int clusters)
    {
        if (!VersionOrder.IsVersion(version))
        {
            throw new ArgumentException($"'{version}' is not a version (e.g. 4.16.2)", nameof(version));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(clusters);
        lock (world.Sync)
        {
            world.FailUpgrades(version, clusters);
        }
    }

    /// <summary>The current state as <c>GET /_sim/fleet</c> returns it.</summary>
    public string FleetJson()
    {
        lock (world.Sync)
        {
            return SimControlEndpoints.FleetBody(world).ToJsonString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private static void Validate(SimulatorOptions options)
    {
        var errors = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"port {options.Port} must be between 0 and 65535");
        }

        if (options.FailureRate is < 0 or > 1 || double.IsNaN(options.FailureRate))
        {
            errors.Add($"failure rate {options.FailureRate} must be between 0 and 1");
        }

        if (options.FailedPolicyRetention is { } retention && retention <= TimeSpan.Zero)
        {
            errors.Add($"failed policy retention {retention} must be positive");
        }

        if (options.UpgradeDuration <= TimeSpan.Zero)
        {
            errors.Add($"upgrade duration {options.UpgradeDuration} must be positive");
        }

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            errors.Add($"token lifetime {options.TokenLifetime} must be positive");
        }

        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret) || string.IsNullOrEmpty(options.OfflineToken))
        {
            errors.Add("client id, client secret and offline token must not be empty");
        }

        if (errors.Count > 0)
        {
            throw new SimulatorConfigurationException("invalid simulator options: " + string.Join("; ", errors));
        }
    }

    private static async Task<(string Yaml, string Source)> ReadFleetAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        if (options.FleetYaml is not null)
        {
            return (options.FleetYaml, "(fleet)");
        }

        if (options.FleetPath is null)
        {
            return (string.Empty, "(empty fleet)");
        }

        try
        {
            return (await File.ReadAllTextAsync(options.FleetPath, cancellationToken), options.FleetPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SimulatorConfigurationException($"{options.FleetPath}: error: cannot read the fleet file: {e.Message}", e);
        }
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "OCM simulator listening on {Address} with {ClusterCount} clusters, virtual time {Now}")]
    private static partial void LogStarted(ILogger logger, string address, int clusterCount, string now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster {Cluster} {Kind} upgrade to {Version}: {State} at {At}")]
    internal static partial void LogTransition(ILogger logger, string cluster, string kind, string version, string state, string at);
}
