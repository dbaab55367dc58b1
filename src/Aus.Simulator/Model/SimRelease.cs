namespace Aus.Simulator.Model;

/// <summary>A released OpenShift version and every channel it is in.</summary>
internal sealed class SimRelease
{
    public required string Version { get; init; }

    public required SortedSet<string> Channels { get; init; }
}
