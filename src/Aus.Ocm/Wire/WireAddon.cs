namespace Aus.Ocm.Wire;

/// <summary>An add-on of the catalog; its version is the latest one.</summary>
internal sealed record WireAddon
{
    public string? Id { get; init; }

    public WireIdRef? Version { get; init; }
}
