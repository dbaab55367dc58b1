namespace Aus.Ocm.Wire;

internal sealed record WireCluster
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ExternalId { get; init; }

    public string? State { get; init; }

    public bool? Managed { get; init; }

    public string? Channel { get; init; }

    public WireIdRef? Product { get; init; }

    public WireIdRef? Subscription { get; init; }

    public WireHypershift? Hypershift { get; init; }

    public WireAws? Aws { get; init; }

    public WireVersion? Version { get; init; }
}
