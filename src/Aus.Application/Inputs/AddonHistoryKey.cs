using Aus.Domain.Fleet;

namespace Aus.Application.Inputs;

/// <summary>
/// How an add-on's soak history is named next to the organization's own in a map of histories:
/// <c>ORGID/ADDON_ID</c> (organization ids hold no slash).
/// </summary>
public static class AddonHistoryKey
{
    public static string Of(OrganizationId orgId, string addonId) => $"{orgId}/{addonId}";

    /// <summary>The add-on id of a key of the organization, or null when the key is not one of its add-ons'.</summary>
    public static string? AddonOf(OrganizationId orgId, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prefix = orgId.Value + "/";
        return key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : null;
    }
}
