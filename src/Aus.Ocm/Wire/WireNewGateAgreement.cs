namespace Aus.Ocm.Wire;

internal sealed record WireNewGateAgreement(WireIdRef VersionGate);
