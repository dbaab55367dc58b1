namespace Aus.Ocm.Wire;

internal sealed record WireSubscription
{
    public string? Id { get; init; }

    public string? ClusterId { get; init; }

    public string? OrganizationId { get; init; }

    public string? DisplayName { get; init; }

    public string? Status { get; init; }

    public bool? Managed { get; init; }

    public List<WireLabel>? Labels { get; init; }
}
