namespace Aus.Ocm.Wire;

internal sealed record WireVersionGate
{
    public string? Id { get; init; }

    public string? VersionRawIdPrefix { get; init; }

    public string? Label { get; init; }

    public bool? StsOnly { get; init; }
}
