namespace Aus.Simulator.Model;

/// <summary>An accounts_mgmt label on a subscription or an organization.</summary>
internal sealed class SimLabel
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public required string Value { get; set; }

    /// <summary>Subscription or Organization, as OCM's <c>type</c>.</summary>
    public required string Type { get; init; }

    public string? SubscriptionId { get; init; }

    public string? OrganizationId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
