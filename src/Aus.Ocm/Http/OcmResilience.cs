using System.Collections.Concurrent;
using Aus.Ocm.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Aus.Ocm.Http;

/// <summary>
/// The resilience pipelines of the client, one per host so each host has its own circuit breaker:
/// retries with jittered exponential backoff on 5xx, 408, 429 (honouring Retry-After up to
/// <see cref="OcmClientOptions.MaxRetryAfter"/>) and
/// transport errors; a per-attempt timeout. All waiting goes through the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class OcmResilience
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);
    private readonly OcmClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _retryCreates;

    /// <param name="retryCreates">
    /// False for the OCM API: a POST that may have been acted on is never repeated blindly (the
    /// action applier re-reads first). True for the token endpoint, where asking twice is harmless.
    /// </param>
    public OcmResilience(OcmClientOptions options, TimeProvider time, ILogger logger, bool retryCreates)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _retryCreates = retryCreates;
    }

    public ResiliencePipeline<HttpResponseMessage> For(HttpRequestMessage request) =>
        _pipelines.GetOrAdd(request.RequestUri?.Authority ?? string.Empty, Build);

    /// <summary>The wait a response asks for with Retry-After, capped; null (the backoff's delay) when it asks none.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        var asked = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (asked is not { } wait)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : (wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait);
    }

    private ResiliencePipeline<HttpResponseMessage> Build(string host)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.RetryCount > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = _options.RetryCount,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                // Retry-After is obeyed, but never for longer than the configured cap.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var outcome = args.Outcome.Exception?.GetType().Name
                        ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    OcmLog.Retrying(_logger, request is null ? host : OcmRequest.EndpointOf(request), args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, outcome);
                    return ValueTask.CompletedTask;
                },
            };
            if (!_retryCreates)
            {
                retry.DisableFor(HttpMethod.Post, HttpMethod.Delete);
            }

            builder.AddRetry(retry);
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            OnOpened = args =>
            {
                OcmLog.CircuitOpened(_logger, host, args.BreakDuration.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(_options.Timeout);
        return builder.Build();
    }
}
