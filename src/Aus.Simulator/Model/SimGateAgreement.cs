namespace Aus.Simulator.Model;

internal sealed class SimGateAgreement
{
    public required string Id { get; init; }

    public required string GateId { get; init; }

    public DateTimeOffset AgreedAt { get; init; }
}
