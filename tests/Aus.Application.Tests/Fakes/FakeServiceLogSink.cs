using Aus.Application.Ports;

namespace Aus.Application.Tests.Fakes;

/// <summary>OCM's service log in memory: what was posted, and when.</summary>
internal sealed class FakeServiceLogSink : IServiceLogSink
{
    public List<(ServiceLog Log, DateTimeOffset At)> Posted { get; } = [];

    /// <summary>The time posts are stamped with (the tests move it).</summary>
    public DateTimeOffset Clock { get; set; }

    public int Searches { get; private set; }

    public Task<DateTimeOffset?> FindSentSinceAsync(ServiceLog log, DateTimeOffset since, CancellationToken cancellationToken)
    {
        Searches++;
        var found = Posted.Where(p => p.Log == log && p.At >= since).Select(p => (DateTimeOffset?)p.At).LastOrDefault();
        return Task.FromResult(found);
    }

    public Task<bool> PostAsync(ServiceLog log, CancellationToken cancellationToken)
    {
        Posted.Add((log, Clock));
        return Task.FromResult(true);
    }
}
