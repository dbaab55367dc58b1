namespace Aus.Cli.Service;

/// <summary>The pass time from a TimeProvider, to the second (the reference's timestamps have no fractions).</summary>
internal sealed class SystemPassClock(TimeProvider time) : IPassClock
{
    public Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Task.FromResult(new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }
}
