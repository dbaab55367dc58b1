using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Headers;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Ocm.Actions;
using Aus.Ocm.Auth;
using Aus.Ocm.Configuration;
using Aus.Ocm.Fleet;
using Aus.Ocm.Http;
using Aus.Ocm.Wire;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Ocm;

/// <summary>
/// The OCM client of aus: authentication, resilience, call counting and the calls aus makes. Build
/// it with <see cref="Create"/> from <see cref="OcmClientOptions"/> (see
/// <see cref="OcmClientOptionsFactory"/> for the environment variables). Thread-safe; one per process.
/// </summary>
public sealed class OcmClient : IOcmFleetReader, IOcmLabelledFleetReader, IOcmActionApplier, IDisposable
{
    private readonly HttpClient _apiClient;
    private readonly HttpClient _tokenClient;
    private readonly OcmTokenProvider _tokens;
    private readonly OcmCallCounter _counter;
    private readonly OcmApi _api;
    private readonly OcmFleetReader _fleet;
    private readonly OcmActionApplier _applier;

    private OcmClient(OcmClientOptions options, TimeProvider time, ILoggerFactory loggers, HttpMessageHandler primary)
    {
        var logger = loggers.CreateLogger("Aus.Ocm");
        _counter = new OcmCallCounter();

        _tokenClient = new HttpClient(
            new ResilienceHandler(new OcmResilience(options, time, logger, retryCreates: true).For)
            {
                InnerHandler = new CallCountingHandler(_counter) { InnerHandler = new NonDisposingHandler(primary) },
            })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Configure(_tokenClient, options);
        _tokens = new OcmTokenProvider(_tokenClient, options.TokenUrl, options.Credentials!, time, logger);

        // Outermost first: retries wrap everything; each attempt waits for a slot and carries a valid token; every
        // request that reaches the wire (a 401 and its renewed repeat too) is counted.
        _apiClient = new HttpClient(
            new ResilienceHandler(new OcmResilience(options, time, logger, retryCreates: false).For)
            {
                InnerHandler = new ConcurrencyLimitingHandler(options.MaxRequestsInFlight)
                {
                    InnerHandler = new BearerTokenHandler(_tokens)
                    {
                        InnerHandler = new CallCountingHandler(_counter) { InnerHandler = primary },
                    },
                },
            })
        {
            // Timeouts are the pipeline's, measured on the TimeProvider; HttpClient's own would use the wall clock.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Configure(_apiClient, options);

        _api = new OcmApi(new OcmHttp(_apiClient, options.BaseUrl, options.PageSize));
        _fleet = new OcmFleetReader(_api, _counter, options.MaxConcurrency, options.MaxOrganizationsInParallel, options.AddonService, logger);
        _applier = new OcmActionApplier(_api, _counter, options.MaxConcurrency, options.RetryCount + 1, options.AddonServiceVersion, logger);
    }

    /// <summary>Every call made so far, per endpoint (<see cref="OcmEndpoints"/>) and status.</summary>
    public OcmCallCounts CallCounts => _counter.Snapshot();

    /// <summary>
    /// Builds a client. Throws <see cref="OcmOptionsException"/> listing every problem when the options are invalid.
    /// </summary>
    /// <param name="options">Where OCM is and how to authenticate.</param>
    /// <param name="timeProvider">The clock for token expiry, timeouts and retry delays (default: the system clock).</param>
    /// <param name="loggerFactory">Where log lines go (default: nowhere).</param>
    /// <param name="primaryHandler">
    /// The handler that does the HTTP (default: a <see cref="SocketsHttpHandler"/>); the client disposes it. A
    /// <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> is set to follow no redirects.
    /// </param>
    public static OcmClient Create(
        OcmClientOptions options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (!errors.IsEmpty)
        {
            throw new OcmOptionsException(errors);
        }

        return new OcmClient(
            options,
            timeProvider ?? TimeProvider.System,
            loggerFactory ?? NullLoggerFactory.Instance,
            WithoutRedirects(primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
    }

    public Task<OcmFleetResult> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken) =>
        _fleet.ReadFleetAsync(orgIds, cancellationToken);

    public Task<OcmFleetResult> ReadLabelledFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken) =>
        _fleet.ReadLabelledFleetAsync(orgIds, cancellationToken);

    public Task<OcmFleetResult> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, IReadOnlySet<OrganizationId> addonOrgIds, CancellationToken cancellationToken) =>
        _fleet.ReadFleetAsync(orgIds, addonOrgIds, cancellationToken);

    public Task<ImmutableArray<OcmActionResult>> ApplyAsync(IReadOnlyList<PlannedAction> actions, bool dryRun, CancellationToken cancellationToken) =>
        _applier.ApplyAsync(actions, dryRun, cancellationToken);

    /// <summary>All version gates (invalid ones left out).</summary>
    public async Task<ImmutableArray<VersionGate>> GetVersionGatesAsync(CancellationToken cancellationToken)
    {
        var gates = await _api.ListVersionGatesAsync(cancellationToken).ConfigureAwait(false);
        return [.. gates.Select(WireMapping.ToGate).OfType<VersionGate>()];
    }

    public async Task<ImmutableArray<OcmLabel>> GetSubscriptionLabelsAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ToLabels(await _api.ListSubscriptionLabelsAsync(subscriptionId, cancellationToken).ConfigureAwait(false));

    public async Task<ImmutableArray<OcmLabel>> GetOrganizationLabelsAsync(string orgId, CancellationToken cancellationToken) =>
        ToLabels(await _api.ListOrganizationLabelsAsync(orgId, cancellationToken).ConfigureAwait(false));

    /// <summary>Labels of any type whose key starts with <paramref name="keyPrefix"/>, optionally of one type ("Subscription", "Organization").</summary>
    public async Task<ImmutableArray<OcmLabel>> SearchLabelsAsync(string keyPrefix, string? type, CancellationToken cancellationToken)
    {
        var search = OcmSearch.Empty.Like("key", keyPrefix + "%");
        if (type is not null)
        {
            search = search.Equal("type", type);
        }

        return ToLabels(await _api.SearchLabelsAsync(search.ToString(), cancellationToken).ConfigureAwait(false));
    }

    public async Task<OcmLabel> CreateSubscriptionLabelAsync(string subscriptionId, string key, string value, CancellationToken cancellationToken)
    {
        var response = await _api.CreateSubscriptionLabelAsync(subscriptionId, key, value, cancellationToken).ConfigureAwait(false);
        return ToLabel(response.Body) ?? new OcmLabel(key, value) { Type = "Subscription", SubscriptionId = subscriptionId };
    }

    public async Task<OcmLabel> CreateOrganizationLabelAsync(string orgId, string key, string value, CancellationToken cancellationToken)
    {
        var response = await _api.CreateOrganizationLabelAsync(orgId, key, value, cancellationToken).ConfigureAwait(false);
        return ToLabel(response.Body) ?? new OcmLabel(key, value) { Type = "Organization", OrganizationId = orgId };
    }

    public async Task<ImmutableArray<ServiceLogEntry>> SearchServiceLogsAsync(ServiceLogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = OcmSearch.Empty;
        search = query.ServiceName is { } service ? search.Equal("service_name", service) : search;
        search = query.Summary is { } summary ? search.Equal("summary", summary) : search;
        search = query.Description is { } description ? search.Equal("description", description) : search;
        search = query.Severity is { } severity ? search.Equal("severity", severity) : search;
        search = query.CreatedSince is { } since
            ? search.AtLeast("created_at", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            : search;
        var entries = await _api.SearchClusterServiceLogsAsync(query.ClusterUuid, search.ToString(), cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(ToEntry)];
    }

    /// <summary>Posts a service log; not retried after an unknown outcome (a log may be sent twice otherwise).</summary>
    public async Task<ServiceLogEntry> CreateServiceLogAsync(ServiceLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var response = await _api.CreateServiceLogAsync(
            new WireNewLogEntry(entry.ClusterUuid, entry.ServiceName, entry.Summary, entry.Description, entry.Severity),
            cancellationToken).ConfigureAwait(false);
        return response.Body is { } body ? ToEntry(body) : entry;
    }

    public void Dispose()
    {
        _apiClient.Dispose();
        _tokenClient.Dispose();
        _tokens.Dispose();
    }

    /// <summary>
    /// Redirects are never followed: a redirect would carry the client secret (a 307 from the token
    /// endpoint re-posts the form) or the bearer token to whatever origin it names. A redirect is
    /// an error of the call instead (<see cref="OcmFailures"/>).
    /// </summary>
    private static HttpMessageHandler WithoutRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }

        return handler;
    }

    private static void Configure(HttpClient client, OcmClientOptions options)
    {
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    private static ImmutableArray<OcmLabel> ToLabels(IEnumerable<WireLabel> labels) => [.. labels.Select(ToLabel).OfType<OcmLabel>()];

    private static OcmLabel? ToLabel(WireLabel? label) =>
        label?.Key is { } key
            ? new OcmLabel(key, label.Value ?? string.Empty) { Type = label.Type, SubscriptionId = label.SubscriptionId, OrganizationId = label.OrganizationId }
            : null;

    private static ServiceLogEntry ToEntry(WireLogEntry entry) =>
        new(entry.ClusterUuid ?? string.Empty, entry.ServiceName ?? string.Empty, entry.Summary ?? string.Empty, entry.Description ?? string.Empty, entry.Severity ?? string.Empty)
        {
            Id = entry.Id,
            Timestamp = WireMapping.ParseTime(entry.Timestamp ?? entry.CreatedAt),
        };
}
