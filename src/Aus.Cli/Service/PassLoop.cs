using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Service;

/// <summary>
/// Runs a pass at start, then one per interval on the interval grid (multiples of the interval since
/// the Unix epoch, so replicas pass together). A pass that overruns skips the slots it covered:
/// passes never overlap. On shutdown the pass in progress may finish within the shutdown timeout;
/// after that it is cancelled, which abandons the organization in progress without a write (each
/// organization's history and audit are committed in one transaction, or not at all). Any other
/// exception ends the loop, and the host with it: `aus serve` then exits non-zero.
/// </summary>
internal sealed partial class PassLoop(ReconcileService service, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<PassLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass waits for the host to have started, so a loop that dies at once stops a started host, which reports why.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var interval = service.Settings.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var pass = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time))
            using (stoppingToken.Register(() => pass.CancelAfter(service.Settings.ShutdownTimeout)))
            {
                try
                {
                    await service.RunPassAsync(null, pass.Token);
                }
                catch (OperationCanceledException) when (pass.IsCancellationRequested)
                {
                    LogAbandoned(service.Settings.ShutdownTimeout.TotalSeconds);
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or IOException)
                {
                    // The clock source is out of reach (organizations' own failures never reach here): the next pass tries again; /readyz shows it meanwhile.
                    service.Metrics.PassEnded("error", time.GetUtcNow());
                    LogPassFailed(e.Message);
                }
            }

            var now = time.GetUtcNow();
            var next = new DateTimeOffset(((now.UtcTicks / interval.Ticks) + 1) * interval.Ticks, TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "shutdown: the pass in progress did not finish within {Seconds} s and was abandoned; organizations not committed are processed again by the next pass")]
    private partial void LogAbandoned(double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "the pass failed: {Error}; the next pass tries again")]
    private partial void LogPassFailed(string error);
}
