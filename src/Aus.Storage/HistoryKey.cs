namespace Aus.Storage;

/// <summary>
/// Where a soak history lives: one per OCM environment and organization, and one more per add-on
/// of the organization (the reference's key is <c>&lt;env&gt;/&lt;org&gt;[/&lt;addon&gt;]</c>).
/// </summary>
public sealed record HistoryKey
{
    public HistoryKey(string environment, string organizationId, string? addonId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        Environment = environment;
        OrganizationId = organizationId;
        AddonId = string.IsNullOrEmpty(addonId) ? null : addonId;
    }

    public string Environment { get; }

    public string OrganizationId { get; }

    /// <summary>The add-on whose history this is; null for the organization's own history.</summary>
    public string? AddonId { get; }

    public override string ToString() =>
        AddonId is null ? $"{Environment}/{OrganizationId}" : $"{Environment}/{OrganizationId}/{AddonId}";
}
