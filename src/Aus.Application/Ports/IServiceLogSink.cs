namespace Aus.Application.Ports;

/// <summary>OCM's service log: where validation feedback goes.</summary>
public interface IServiceLogSink
{
    /// <summary>When the same log was posted at or after <paramref name="since"/>, its time; else null.</summary>
    Task<DateTimeOffset?> FindSentSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Posts the log; false when it was kept back (a dry run).</summary>
    Task<bool> PostAsync(ServiceLog log, CancellationToken cancellationToken);
}
