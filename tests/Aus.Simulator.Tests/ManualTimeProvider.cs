namespace Aus.Simulator.Tests;

/// <summary>Real time, set by hand: token expiry without waiting.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
