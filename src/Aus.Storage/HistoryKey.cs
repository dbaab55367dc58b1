using Aus.Domain.Fleet;

namespace Aus.Storage;

/// <summary>
/// Where a soak history lives: one per OCM environment and organization, and one more per add-on
/// of the organization (the reference's key is <c>&lt;env&gt;/&lt;org&gt;[/&lt;addon&gt;]</c>).
/// </summary>
public sealed record HistoryKey
{
    public HistoryKey(EnvironmentName environment, OrganizationId organizationId, string? addonId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment.Value, nameof(environment));
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId.Value, nameof(organizationId));
        Environment = environment;
        OrganizationId = organizationId;
        AddonId = string.IsNullOrEmpty(addonId) ? null : addonId;
    }

    public EnvironmentName Environment { get; }

    public OrganizationId OrganizationId { get; }

    /// <summary>The add-on whose history this is; null for the organization's own history.</summary>
    public string? AddonId { get; }

    public override string ToString() =>
        AddonId is null ? $"{Environment}/{OrganizationId}" : $"{Environment}/{OrganizationId}/{AddonId}";
}
