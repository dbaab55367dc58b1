namespace Aus.Ocm.Wire;

internal sealed record WireUpgradePolicyState
{
    public string? Value { get; init; }

    public string? Description { get; init; }
}
