namespace Aus.Ocm.Wire;

/// <summary>A link to another OCM object, of which only the id matters.</summary>
internal sealed record WireIdRef
{
    public string? Id { get; init; }
}
