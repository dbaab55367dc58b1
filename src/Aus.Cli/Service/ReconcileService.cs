using System.Collections.Immutable;
using Aus.Cli.Reconcile;
using Aus.Ocm;
using Aus.Policies.Organizations;
using Aus.Storage;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Service;

/// <summary>
/// The reconcile work of `aus run` and `aus serve`: one OCM client per environment, one
/// <see cref="Reconciler"/> per environment's organizations, the metrics, and the time of the last
/// pass. A pass runs the environments one after the other; one failing environment does not stop the others.
/// </summary>
internal sealed partial class ReconcileService : IDisposable
{
    private readonly List<EnvironmentWork> _work = [];
    private readonly Dictionary<string, Domain.Policies.OrganizationPolicy> _policies;
    private readonly IPassClock _clock;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<OcmClient> _clients = [];

    public ReconcileService(
        ServiceSettings settings,
        IReadOnlyList<OrganizationDocument> documents,
        IStateStore? store,
        IPassState state,
        IPassClock clock,
        TimeProvider time,
        ILoggerFactory loggers,
        bool alignedPasses)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        _clock = clock;
        _time = time;
        _logger = loggers.CreateLogger("aus.service");
        _policies = documents.ToDictionary(d => d.Policy!.OrgId, d => d.Policy!, StringComparer.Ordinal);
        Settings = settings;
        Metrics = new AusMetrics();
        var reconcileLogger = loggers.CreateLogger("aus.reconcile");
        var clients = new Dictionary<OcmEnvironmentSettings, OcmClient>();
        var reconcileSettings = new ReconcileSettings
        {
            DryRun = settings.DryRun,
            UseLeases = store?.Dialect == StateDialect.PostgreSql,
            PassInterval = alignedPasses && store?.Dialect == StateDialect.PostgreSql ? settings.Interval : null,
        };
        foreach (var group in documents.GroupBy(d => d.Policy!.Environment, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var environment = settings.Environments.First(e => e.Serves(group.Key));
            if (!clients.TryGetValue(environment, out var client))
            {
                client = OcmClient.Create(environment.Options, time, loggers);
                clients[environment] = client;
                _clients.Add(client);
            }

            var feedback = new ValidationFeedback(new OcmServiceLogClient(client), store, reconcileLogger);
            var reconciler = new Reconciler(client, client, state, reconcileSettings, reconcileLogger, feedback);
            _work.Add(new EnvironmentWork(group.Key, client, reconciler, [.. group]));
            Metrics.RegisterEnvironment(group.Key);
        }
    }

    public ServiceSettings Settings { get; }

    public AusMetrics Metrics { get; }

    /// <summary>When the last pass ended, on the service's TimeProvider; null before the first.</summary>
    public DateTimeOffset? LastPassEnded { get; private set; }

    /// <summary>Every organization's environment has a client; the problems otherwise, one line each.</summary>
    public static ImmutableArray<string> CheckEnvironments(ServiceSettings settings, IEnumerable<OrganizationDocument> documents)
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

    /// <summary>One pass over every environment at the clock's time (or <paramref name="now"/>).</summary>
    public async Task<PassReport> RunPassAsync(DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var at = now ?? await _clock.NowAsync(cancellationToken);
        var started = _time.GetTimestamp();
        var outcomes = ImmutableArray.CreateBuilder<OrganizationOutcome>();
        var calls = new List<OcmCallCount>();
        var environmentFailed = false;
        foreach (var work in _work)
        {
            var before = work.Client.CallCounts;
            try
            {
                var report = await work.Reconciler.RunPassAsync(work.Documents, at, cancellationToken);
                Metrics.RecordPass(work.Environment, report, _policies);
                outcomes.AddRange(report.Organizations);
            }
            catch (Exception e) when (e is OcmApiException or HttpRequestException or System.Data.Common.DbException or IOException && !cancellationToken.IsCancellationRequested)
            {
                environmentFailed = true;
                Metrics.EnvironmentFailed(work.Environment);
                LogEnvironmentFailed(work.Environment, e.Message);
                outcomes.AddRange(work.Documents.Select(d => new OrganizationOutcome(d.Policy!.OrgId, d.Policy.Name)
                {
                    Environment = work.Environment,
                    Failure = $"environment {work.Environment} failed: {e.Message}",
                }));
            }
            finally
            {
                var made = work.Client.CallCounts.Since(before);
                Metrics.OcmCalls(work.Environment, made);
                calls.AddRange(made.Calls);
            }
        }

        var merged = new OcmCallCounts(
        [
            .. calls.GroupBy(c => (c.Endpoint, c.Status))
                .Select(g => new OcmCallCount(g.Key.Endpoint, g.Key.Status, g.Sum(c => c.Count)))
                .OrderBy(c => c.Endpoint, StringComparer.Ordinal)
                .ThenBy(c => c.Status, StringComparer.Ordinal),
        ]);
        var result = new PassReport(at, outcomes.ToImmutable(), merged, _time.GetElapsedTime(started));
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
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "OCM environment {Environment} failed in this pass: {Error}")]
    private partial void LogEnvironmentFailed(string environment, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "pass at {Now}: {Processed} organizations processed, {Skipped} left to other replicas, {Failed} failed, {Actions} actions, {Seconds:0.000} s")]
    private partial void LogPassEnded(string now, int processed, int skipped, int failed, int actions, double seconds);

    private sealed record EnvironmentWork(string Environment, OcmClient Client, Reconciler Reconciler, ImmutableArray<OrganizationDocument> Documents);
}
