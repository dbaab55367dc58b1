namespace Aus.Ocm.Wire;

internal sealed record WireHypershift
{
    public bool? Enabled { get; init; }
}
