using System.Collections.Immutable;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Application.Reconcile;
using Aus.Domain.Fleet;
using Aus.Ocm;
using Aus.Ocm.Ports;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Service;

/// <summary>
/// The reconcile work of `aus run` and `aus serve`: before each pass the organizations (read again
/// when the source re-reads), then one <see cref="ReconcilePass"/> per OCM environment through that
/// environment's client, the metrics, and the time of the last pass. One failing environment or
/// organization does not stop the others.
/// </summary>
internal sealed partial class ReconcileService : IDisposable
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<OrganizationConfig>>> _organizations;
    private readonly IPassStore _store;
    private readonly IControlStore? _controls;
    private ReconcileSettings _reconcileSettings;
    private readonly IPassClock _clock;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Dictionary<OcmEnvironmentSettings, OcmClient> _clients = [];
    private readonly EnvironmentHealthProviders _health;

    /// <param name="organizations">The organizations of each pass (a <see cref="PolicySource"/> re-reads them; `aus run` gives its own once).</param>
    /// <param name="sharedStore">The store is shared by replicas (PostgreSQL): organizations are leased.</param>
    /// <param name="controls">The rollout safety controls, read again every pass; null (history files) plans without any.</param>
    public ReconcileService(
        ServiceSettings settings,
        Func<CancellationToken, Task<IReadOnlyList<OrganizationConfig>>> organizations,
        IPassStore store,
        bool sharedStore,
        IPassClock clock,
        TimeProvider time,
        ILoggerFactory loggers,
        bool alignedPasses,
        IControlStore? controls = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        Settings = settings;
        _organizations = organizations;
        _store = store;
        _controls = controls;
        _clock = clock;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger("aus.service");
        _reconcileSettings = new ReconcileSettings
        {
            DryRun = settings.DryRun,
            UseLeases = sharedStore,
            PassInterval = alignedPasses && sharedStore ? settings.Interval : null,
            OrganizationDeadline = settings.OrganizationDeadline,
            IncludeRemainingSoak = true,
        };
        // A service whose every environment takes its policies from labels is the SRE-capability flavour.
        Metrics = new AusMetrics(settings.Environments.All(e => e.LabelPolicies) ? AusMetrics.LabelIntegration : AusMetrics.FileIntegration);
        _health = new EnvironmentHealthProviders(settings.Environments);
    }

    public ServiceSettings Settings { get; }

    public AusMetrics Metrics { get; }

    /// <summary>Where each environment's pass announces what it did and saw; null notifies no one. Set before the first pass.</summary>
    public ServiceNotifications? Notifications { get; set; }

    /// <summary>The last plans and passes, for the dashboard.</summary>
    public DashboardState Dashboard { get; } = new();

    /// <summary>When the last pass ended, on the service's TimeProvider; null before the first.</summary>
    public DateTimeOffset? LastPassEnded { get; private set; }

    /// <summary>Every organization's environment has a client; the problems otherwise, one line each.</summary>
    public static ImmutableArray<string> CheckEnvironments(ServiceSettings settings, IEnumerable<Policies.Organizations.OrganizationDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var known = string.Join(", ", settings.Environments.Select(e => e.Name));
        return
        [
            .. documents
                .Where(d => !settings.Environments.Any(e => e.Serves(d.Policy!.Environment)))
                .Select(d => $"{d.File}: error: organization {d.Policy!.OrgId} is in environment '{d.Policy.Environment}', which the settings file does not define (environments: {known})"),
        ];
    }

    /// <summary>
    /// The dashboard is served (before the first pass): passes plan with the report rows it shows
    /// (which `aus run` does without), and each pass is followed by a forecast of the newest release.
    /// </summary>
    public void ServeDashboard()
    {
        _reconcileSettings = _reconcileSettings with { IncludeReport = true };
        Dashboard.ForecastNewestRelease(Settings.Interval);
    }

    /// <summary>One pass over every environment at the clock's time (or <paramref name="now"/>).</summary>
    public async Task<ServicePass> RunPassAsync(DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var at = now ?? await _clock.NowAsync(cancellationToken);
        var started = _time.GetTimestamp();
        var organizations = await _organizations(cancellationToken);
        var outcomes = ImmutableArray.CreateBuilder<OrganizationOutcome>();
        var calls = new List<OcmCallCount>();
        var requests = ImmutableArray.CreateBuilder<Domain.Planning.PlanRequest>();
        var environmentFailed = false;
        var byEnvironment = organizations
            .Where(o => Settings.Environments.Any(e => e.Serves(o.Policy.Environment)))
            .GroupBy(o => o.Policy.Environment)
            .OrderBy(g => g.Key);
        foreach (var group in byEnvironment)
        {
            var environment = group.Key;
            Metrics.RegisterEnvironment(environment.Value);
            var client = ClientFor(Settings.Environments.First(e => e.Serves(environment)));
            var before = client.CallCounts;
            var ports = new ReconcilePorts(new OcmFleetSource(client), new OcmActionSink(client), _store, new OcmServiceLogSink(client), _controls) { Health = _health };
            var pass = new ReconcilePass(ports, _reconcileSettings, _loggers.CreateLogger("aus.reconcile"), _time);
            var report = await pass.RunAsync([.. group], at, cancellationToken);
            Notifications?.Notify(environment, report);
            if (report.Failure is not null)
            {
                environmentFailed = true;
                Metrics.EnvironmentFailed(environment.Value);
                LogEnvironmentFailed(environment.Value, report.Failure);
            }

            Metrics.RecordPass(environment.Value, report);
            outcomes.AddRange(report.Organizations);
            if (report.Request is { } request)
            {
                requests.Add(request);
            }

            var made = client.CallCounts.Since(before);
            Metrics.OcmCalls(environment.Value, made);
            calls.AddRange(made.Calls);
        }

        var merged = new OcmCallCounts(
        [
            .. calls.GroupBy(c => (c.Endpoint, c.Status))
                .Select(g => new OcmCallCount(g.Key.Endpoint, g.Key.Status, g.Sum(c => c.Count)))
                .OrderBy(c => c.Endpoint, StringComparer.Ordinal)
                .ThenBy(c => c.Status, StringComparer.Ordinal),
        ]);
        var result = new ServicePass(at, outcomes.ToImmutable(), merged, _time.GetElapsedTime(started)) { Requests = requests.ToImmutable() };
        Dashboard.Record(result, organizations);
        LastPassEnded = _time.GetUtcNow();
        Metrics.PassEnded(environmentFailed ? "error" : result.Failed ? "failed" : "ok", LastPassEnded.Value);
        LogPassEnded(
            FormattableString.Invariant($"{at:yyyy-MM-ddTHH:mm:ssZ}"),
            result.Organizations.Count(o => o.Processed),
            result.Organizations.Count(o => !o.Processed),
            result.Organizations.Count(o => o.Failed),
            result.Organizations.Sum(o => o.Results.Length),
            result.Duration.TotalSeconds);
        return result;
    }

    public void Dispose()
    {
        _health.Dispose();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private OcmClient ClientFor(OcmEnvironmentSettings environment)
    {
        if (!_clients.TryGetValue(environment, out var client))
        {
            client = OcmClient.Create(environment.Options, _time, _loggers);
            _clients[environment] = client;
        }

        return client;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "OCM environment {Environment} failed in this pass: {Error}")]
    private partial void LogEnvironmentFailed(string environment, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "pass at {Now}: organizations processed {Processed}, left to other replicas {Skipped}, failed {Failed}; actions {Actions}; {Seconds:0.000} s")]
    private partial void LogPassEnded(string now, int processed, int skipped, int failed, int actions, double seconds);
}
