namespace Aus.Ocm.Wire;

internal sealed record WireGateAgreement
{
    public string? Id { get; init; }

    public WireIdRef? VersionGate { get; init; }
}
