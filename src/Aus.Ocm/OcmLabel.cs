namespace Aus.Ocm;

/// <summary>An accounts_mgmt label of a subscription or an organization.</summary>
public sealed record OcmLabel(string Key, string Value)
{
    /// <summary>Subscription, Organization or Account.</summary>
    public string? Type { get; init; }

    public string? SubscriptionId { get; init; }

    public string? OrganizationId { get; init; }
}
