namespace Aus.Ocm.Wire;

/// <summary>One page of an OCM list response.</summary>
internal sealed record WirePage<T>
{
    public List<T>? Items { get; init; }

    public int? Page { get; init; }

    public int? Size { get; init; }

    public int? Total { get; init; }
}
