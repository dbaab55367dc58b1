namespace Aus.Ocm.Wire;

internal sealed record WireLabel
{
    public string? Kind { get; init; }

    public string? Id { get; init; }

    public string? Key { get; init; }

    public string? Value { get; init; }

    public string? Type { get; init; }

    public string? SubscriptionId { get; init; }

    public string? OrganizationId { get; init; }

    public bool? Internal { get; init; }
}
