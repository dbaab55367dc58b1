namespace Aus.Ocm.Wire;

/// <summary>An add-on installed on a cluster.</summary>
internal sealed record WireAddonInstallation
{
    public string? Id { get; init; }

    public WireIdRef? Addon { get; init; }

    public string? State { get; init; }

    public WireIdRef? AddonVersion { get; init; }
}
