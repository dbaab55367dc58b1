namespace Aus.Simulator.Model;

internal sealed class SimVersionGate
{
    public required string Id { get; init; }

    public required string VersionRawIdPrefix { get; init; }

    public required string Label { get; init; }

    public string Value { get; init; } = "4.x";

    public bool StsOnly { get; init; }

    public string Description { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }
}
