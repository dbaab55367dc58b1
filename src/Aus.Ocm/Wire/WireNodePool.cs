namespace Aus.Ocm.Wire;

internal sealed record WireNodePool
{
    public string? Id { get; init; }

    public WireVersion? Version { get; init; }
}
