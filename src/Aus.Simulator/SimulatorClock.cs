namespace Aus.Simulator;

/// <summary>
/// The simulator's virtual clock. Moving it runs OCM's upgrade state machine for every moment passed;
/// it never goes backwards.
/// </summary>
public sealed class SimulatorClock
{
    private readonly SimWorld world;

    internal SimulatorClock(SimWorld world) => this.world = world;

    public DateTimeOffset Now
    {
        get
        {
            lock (world.Sync)
            {
                return world.Now;
            }
        }
    }

    /// <summary>Moves the clock forward to <paramref name="now"/>; returns the policy transitions on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the current time.</exception>
    public IReadOnlyList<SimEvent> Set(DateTimeOffset now)
    {
        lock (world.Sync)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(now, world.Now);
            return world.AdvanceTo(now);
        }
    }

    public IReadOnlyList<SimEvent> Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (world.Sync)
        {
            return world.AdvanceTo(world.Now + by);
        }
    }
}
