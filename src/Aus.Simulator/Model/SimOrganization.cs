namespace Aus.Simulator.Model;

internal sealed class SimOrganization
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
