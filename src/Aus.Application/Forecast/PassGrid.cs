namespace Aus.Application.Forecast;

/// <summary>
/// The moments a real service runs its passes: the first at the start, then one every interval.
/// A forecast only ever plans at these moments, so its times land where a service's would.
/// </summary>
internal readonly record struct PassGrid(DateTimeOffset Start, TimeSpan Interval)
{
    /// <summary>The first pass at or after <paramref name="time"/> (never before the first pass).</summary>
    public DateTimeOffset AtOrAfter(DateTimeOffset time)
    {
        if (time <= Start)
        {
            return Start;
        }

        var passes = (time - Start).Ticks / Interval.Ticks;
        var pass = Start + (Interval * passes);
        return pass < time ? pass + Interval : pass;
    }

    /// <summary>The first pass strictly after <paramref name="time"/>.</summary>
    public DateTimeOffset After(DateTimeOffset time)
    {
        var pass = AtOrAfter(time);
        return pass > time ? pass : pass + Interval;
    }
}
