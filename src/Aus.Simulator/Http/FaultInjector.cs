namespace Aus.Simulator.Http;

/// <summary>Chooses, with a seeded random source, which fault (if any) hits a request.</summary>
internal sealed class FaultInjector(int seed)
{
    private readonly Random random = new(seed);
    private readonly Lock sync = new();
    private FaultSettings settings = FaultSettings.None;

    public FaultSettings Settings
    {
        get => Volatile.Read(ref settings);
        set => Volatile.Write(ref settings, value);
    }

    /// <summary>Null for no fault, 0 for a dropped connection, else the status to answer with.</summary>
    public int? Choose(FaultSettings current)
    {
        if (current.DropRate <= 0 && current.Rate429 <= 0 && current.ErrorRates.IsEmpty)
        {
            return null;
        }

        double draw;
        lock (sync)
        {
            draw = random.NextDouble();
        }

        var edge = current.DropRate;
        if (draw < edge)
        {
            return 0;
        }

        edge += current.Rate429;
        if (draw < edge)
        {
            return 429;
        }

        foreach (var (status, rate) in current.ErrorRates)
        {
            edge += rate;
            if (draw < edge)
            {
                return status;
            }
        }

        return null;
    }
}
