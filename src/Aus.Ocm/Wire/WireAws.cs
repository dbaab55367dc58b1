namespace Aus.Ocm.Wire;

internal sealed record WireAws
{
    public WireSts? Sts { get; init; }
}
