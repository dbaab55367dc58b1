using Aus.Domain.Fleet;

namespace Aus.Application.Inputs;

/// <summary>
/// Whose soak history: an organization's own, or one of its add-ons' (<paramref name="AddonId"/>).
/// Written <c>ORGID</c> or <c>ORGID/ADDON_ID</c>, as <c>--history</c> and the history exports name it
/// (organization ids hold no slash).
/// </summary>
public readonly record struct HistoryOwner(OrganizationId OrgId, string? AddonId = null)
{
    public override string ToString() => AddonId is null ? OrgId.Value : $"{OrgId}/{AddonId}";
}
