namespace Aus.Simulator.Model;

internal sealed class SimNodePool
{
    public required string Id { get; init; }

    public required string Version { get; set; }

    public int Replicas { get; init; } = 2;
}
