namespace Aus.Ocm.Wire;

internal sealed record WireSts
{
    public bool? Enabled { get; init; }
}
